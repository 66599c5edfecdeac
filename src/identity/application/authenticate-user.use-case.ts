import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import type { Principal } from '../domain/principal.js';
import { canSignIn } from '../domain/user-status.js';
import type { AccessTokenRef } from '../infrastructure/oauth/oauth-token.repository.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';
import { PrincipalLoader, type PrincipalRow } from '../infrastructure/principal.loader.js';
import { LoginThrottle } from './login-throttle.js';

export interface AuthenticateUserInput {
  readonly login: string;
  readonly password: string;
  /** Client address, for throttling. */
  readonly address: string;
  /** Basic authentication repeats the same credentials on every call: allow a short cache. */
  readonly cacheable?: boolean;
}

const CACHE_TTL_MS = 60_000;

const invalid = () => DomainError.unauthenticated('IDENTITY.INVALID_CREDENTIALS', 'Invalid username or password');

/**
 * Checks a login name (username or e-mail) and password. A verified Basic credential is kept for
 * a minute under a SHA-256 of the credential, bound to the user's credential version: a password
 * or status change (which bumps it) invalidates the entry on the next request.
 */
@Injectable()
export class AuthenticateUser {
  private readonly verified = new LRUCache<string, { userId: string; credentialVersion: number }>({
    max: 10_000,
    ttl: CACHE_TTL_MS,
  });

  constructor(
    private readonly principals: PrincipalLoader,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(input: AuthenticateUserInput): Promise<Principal> {
    if (input.login === '' || input.password === '' || input.login.length > 255 || input.password.length > 1024) {
      throw invalid();
    }
    const cacheKey = input.cacheable ? this.cacheKey(input.login, input.password) : undefined;
    if (cacheKey) {
      const hit = this.verified.get(cacheKey);
      if (hit) {
        const row = await this.principals.rowById(hit.userId);
        if (row && row.credentialVersion === hit.credentialVersion && this.mayEnter(row)) {
          return this.principals.toPrincipal(row, 'basic');
        }
        this.verified.delete(cacheKey);
      }
    }

    await this.throttle.assertAllowed(input.login, input.address);
    const row = await this.principals.rowByLogin(input.login);
    const ok = row ? await this.hasher.verify(row.passwordHash, input.password) : await this.burnTime(input.password);
    if (!row || !ok || !this.mayEnter(row)) {
      await this.throttle.recordFailure(input.login, input.address);
      throw invalid();
    }
    await this.throttle.recordSuccess(input.login);
    if (cacheKey) this.verified.set(cacheKey, { userId: row.id, credentialVersion: row.credentialVersion });
    return this.principals.toPrincipal(row, input.cacheable ? 'basic' : 'bearer');
  }

  /** Resolves a user that a token names (the token was already verified). */
  async principalOf(userId: string, extra: Partial<Principal> = {}): Promise<Principal> {
    const row = await this.principals.rowById(userId);
    if (!row || !this.mayEnter(row)) throw invalid();
    return this.principals.toPrincipal(row, 'bearer', extra);
  }

  /** Resolves the user a bearer token names, refusing a revoked token (denylist, client deleted or rotated). */
  async principalOfToken(userId: string, token: AccessTokenRef, extra: Partial<Principal> = {}): Promise<Principal> {
    const row = await this.principals.rowByIdForToken(userId, token);
    if (!row || row.revoked || !this.mayEnter(row)) throw invalid();
    return this.principals.toPrincipal(row, 'bearer', extra);
  }

  private mayEnter(row: PrincipalRow): boolean {
    return canSignIn(row.status) && row.tenantActive && row.roleStatus !== 'INACTIVE' && !row.expired;
  }

  private cacheKey(login: string, password: string): string {
    return createHash('sha256').update(login.toLowerCase()).update('\u0000').update(password).digest('base64url');
  }

  /** Unknown users cost as much as known ones, so timing does not reveal which logins exist. */
  private async burnTime(password: string): Promise<false> {
    await this.hasher.verify(DUMMY_HASH, password);
    return false;
  }
}

// argon2id hash of a random string, used only to spend the same time on unknown logins.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$yfq0xkGhT3yauf0GRngqow$8zscRm1VDH+YZPPuEhKOUWqozkQEG2GQk9B/g30b0WM';
