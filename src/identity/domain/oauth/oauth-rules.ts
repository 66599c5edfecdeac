import { createHash, timingSafeEqual } from 'node:crypto';

/** The RFC 6749 grants the authorization server implements. */
export const OAUTH_GRANTS = ['authorization_code', 'password', 'client_credentials', 'refresh_token'] as const;
export type OAuthGrant = (typeof OAUTH_GRANTS)[number];

export const OAUTH_SCOPES = ['read', 'write'] as const;

export function isOAuthGrant(value: string): value is OAuthGrant {
  return (OAUTH_GRANTS as readonly string[]).includes(value);
}

/**
 * RFC 6749 §3.1.2: a redirection endpoint is an absolute URI without a fragment. Plain http is
 * allowed (loopback development setups, the Swagger UI on localhost).
 */
export function isValidRedirectUri(uri: string): boolean {
  if (uri.length > 2000 || /\s/.test(uri)) return false;
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return false;
  }
  if (uri.includes('#')) return false;
  if (parsed.protocol === 'javascript:' || parsed.protocol === 'data:' || parsed.protocol === 'file:') return false;
  return true;
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
export function isWellFormedCodeVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9._~-]{43,128}$/.test(verifier);
}

/** RFC 7636 §4.2: S256 challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Checks a code verifier against the stored S256 challenge, in constant time. */
export function pkceS256Matches(verifier: string, challenge: string): boolean {
  if (!isWellFormedCodeVerifier(verifier)) return false;
  return constantTimeEqual(s256Challenge(verifier), challenge);
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  // Compare against itself on a length mismatch, so the time does not depend on where they differ.
  return timingSafeEqual(left, left.length === right.length ? right : left) && left.length === right.length;
}

/** The sign-in form's double-submit token against login CSRF: 256 random bits, base64url. */
export function isWellFormedFormToken(token: string | undefined): token is string {
  return token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The token of the cookie and the one the form posted are both present and equal (constant time). */
export function formTokensMatch(cookie: string | undefined, submitted: string | undefined): boolean {
  return isWellFormedFormToken(cookie) && isWellFormedFormToken(submitted) && constantTimeEqual(cookie, submitted);
}

/**
 * A client's access tokens are good only when issued no earlier than the client's cutoff (its
 * creation, or its last secret rotation). JWT times have whole seconds: a token of the cutoff's
 * own second passes, so a token issued right after a rotation is never refused.
 */
export function issuedNotBefore(issuedAtSeconds: number, notBefore: Date): boolean {
  return issuedAtSeconds >= Math.floor(notBefore.getTime() / 1000);
}

/** Codes, refresh tokens and opaque secrets are stored as SHA-256 hex digests. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The scopes a token gets: the requested ones when the client holds them all, the client's own
 * scopes when none are requested, and undefined (invalid_scope) otherwise.
 */
export function grantedScopes(requested: readonly string[] | undefined, allowed: readonly string[]): string[] | undefined {
  if (!requested || requested.length === 0) return [...allowed];
  const unique = [...new Set(requested)];
  return unique.every((s) => allowed.includes(s)) ? unique : undefined;
}
