import { describe, expect, it } from '@jest/globals';
import {
  constantTimeEqual,
  formTokensMatch,
  grantedScopes,
  hashToken,
  isOAuthGrant,
  issuedNotBefore,
  isValidRedirectUri,
  isWellFormedCodeVerifier,
  pkceS256Matches,
  s256Challenge,
} from './oauth-rules.js';

describe('oauth rules', () => {
  it('computes the RFC 7636 appendix B example challenge', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('accepts the matching verifier and rejects others, malformed ones included', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = s256Challenge(verifier);
    expect(pkceS256Matches(verifier, challenge)).toBe(true);
    expect(pkceS256Matches(`${verifier.slice(0, -1)}Y`, challenge)).toBe(false);
    expect(pkceS256Matches('short', s256Challenge('short'))).toBe(false);
    expect(isWellFormedCodeVerifier('a'.repeat(43))).toBe(true);
    expect(isWellFormedCodeVerifier('a'.repeat(129))).toBe(false);
    expect(isWellFormedCodeVerifier(`${'a'.repeat(42)}!`)).toBe(false);
  });

  it('compares strings in constant time, including different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });

  it('accepts only absolute redirect URIs without fragments or script schemes', () => {
    expect(isValidRedirectUri('https://app.example.com/cb')).toBe(true);
    expect(isValidRedirectUri('http://localhost:8080/docs/oauth2-redirect.html')).toBe(true);
    expect(isValidRedirectUri('com.example.app:/callback')).toBe(true);
    expect(isValidRedirectUri('/relative/path')).toBe(false);
    expect(isValidRedirectUri('https://app.example.com/cb#frag')).toBe(false);
    expect(isValidRedirectUri('javascript:alert(1)')).toBe(false);
    expect(isValidRedirectUri('https://exa mple.com/')).toBe(false);
  });

  it('grants the requested scopes only when the client holds them all', () => {
    expect(grantedScopes(undefined, ['read', 'write'])).toEqual(['read', 'write']);
    expect(grantedScopes(['read', 'read'], ['read', 'write'])).toEqual(['read']);
    expect(grantedScopes(['admin'], ['read', 'write'])).toBeUndefined();
  });

  it('knows the grants and hashes tokens to hex', () => {
    expect(isOAuthGrant('password')).toBe(true);
    expect(isOAuthGrant('implicit')).toBe(false);
    expect(hashToken('x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a token issued in or after the second of the client cutoff, and nothing earlier', () => {
    const cutoff = new Date('2026-01-01T00:00:10.700Z');
    const second = Date.parse('2026-01-01T00:00:10Z') / 1000;
    expect(issuedNotBefore(second, cutoff)).toBe(true);
    expect(issuedNotBefore(second + 1, cutoff)).toBe(true);
    expect(issuedNotBefore(second - 1, cutoff)).toBe(false);
  });

  it('matches form tokens only when both are well formed and equal', () => {
    const token = 'a'.repeat(43);
    expect(formTokensMatch(token, token)).toBe(true);
    expect(formTokensMatch(token, `${'a'.repeat(42)}b`)).toBe(false);
    expect(formTokensMatch(undefined, token)).toBe(false);
    expect(formTokensMatch(token, undefined)).toBe(false);
    expect(formTokensMatch('', '')).toBe(false);
    expect(formTokensMatch('short', 'short')).toBe(false);
  });
});
