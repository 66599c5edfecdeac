import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import CustomStrategy from 'passport-custom';
import type { Principal } from '../../domain/principal.js';
import { AuthenticateUser } from '../../application/authenticate-user.use-case.js';

/**
 * RFC 7617 credentials: the base64 of `user-id:password`, split at the first colon (a password may
 * contain colons; a user id may not). Anything else — another scheme, bad base64 shape, an empty
 * user id or password — is no credentials at all.
 */
export function parseBasicCredentials(header: string | undefined): { login: string; password: string } | null {
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * HTTP Basic with username or e-mail and password (Alfresco clients use it). The header is parsed
 * here rather than by passport-http, which is unmaintained since 2013, cuts passwords at their
 * second colon, and decodes with the deprecated `new Buffer()` (a deprecation check costing
 * ≈ 50 µs on every request).
 */
@Injectable()
export class BasicStrategy extends PassportStrategy(CustomStrategy, 'basic') {
  constructor(private readonly authenticateUser: AuthenticateUser) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const credentials = parseBasicCredentials(req.headers.authorization);
    if (!credentials) return false;
    return this.authenticateUser.execute({ ...credentials, address: req.ip ?? 'unknown', cacheable: true });
  }
}
