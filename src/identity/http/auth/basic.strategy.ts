import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { BasicStrategy as PassportBasicStrategy } from 'passport-http';
import type { Principal } from '../../domain/principal.js';
import { AuthenticateUser } from '../../application/authenticate-user.use-case.js';

/** HTTP Basic with username or e-mail and password (Alfresco clients use it). */
@Injectable()
export class BasicStrategy extends PassportStrategy(PassportBasicStrategy, 'basic') {
  constructor(private readonly authenticateUser: AuthenticateUser) {
    super({ passReqToCallback: true, realm: 'meridian' });
  }

  async validate(req: Request, username: string, password: string): Promise<Principal> {
    return this.authenticateUser.execute({ login: username, password, address: req.ip ?? 'unknown', cacheable: true });
  }
}
