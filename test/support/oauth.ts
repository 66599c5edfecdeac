import { createHash, randomBytes } from 'node:crypto';
import { basic, OAUTH_CLIENT_SECRET } from './app.js';

export const CLIENT_ID = 'meridian';

export function clientBasic(clientId = CLIENT_ID, secret = OAUTH_CLIENT_SECRET): string {
  return basic(clientId, secret);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[part]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
