import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import CustomStrategy from 'passport-custom';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { AuthenticateBearer } from '../../application/oauth/authenticate-bearer.use-case.js';
import type { Principal } from '../../domain/principal.js';

/** `Authorization: Bearer <JWT>` issued by the platform's own OAuth2 server (RFC 6750). */
@Injectable()
export class BearerStrategy extends PassportStrategy(CustomStrategy, 'bearer') {
  constructor(private readonly authenticateBearer: AuthenticateBearer) {
    super();
  }

  async validate(req: Request): Promise<Principal> {
    const match = /^bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(req.headers.authorization ?? '');
    if (!match) throw DomainError.unauthenticated('IDENTITY.INVALID_TOKEN', 'Malformed bearer token');
    return this.authenticateBearer.execute(match[1]!);
  }
}
