import { DomainError } from '../../../libs/kernel/domain-error.js';
import type { PermissionCode } from './permissions.js';

/** Who is calling: the authenticated user with every permission they hold, however granted. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly tenantKey: string;
  readonly username: string;
  readonly email: string | null;
  readonly permissions: ReadonlySet<string>;
  /** How the caller proved who they are. */
  readonly via: 'basic' | 'bearer';
  /** OAuth2 client that obtained the token (bearer only). */
  readonly clientId?: string;
  readonly scope?: string;
}

export function hasPermission(principal: Principal, ...anyOf: PermissionCode[]): boolean {
  return anyOf.some((code) => principal.permissions.has(code));
}

/** Throws the 403 of every dialect when the caller holds none of the permissions. */
export function requirePermission(principal: Principal, ...anyOf: PermissionCode[]): void {
  if (!hasPermission(principal, ...anyOf)) {
    throw DomainError.forbidden(
      'IDENTITY.PERMISSION_DENIED',
      `You do not have permission to do this (needs ${anyOf.join(' or ')})`,
    );
  }
}
