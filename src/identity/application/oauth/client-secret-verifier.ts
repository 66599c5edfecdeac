import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { PasswordHasher } from '../../infrastructure/password-hasher.js';

/**
 * Client secrets are argon2id hashes (an operator may choose a weak one), and a confidential client
 * presents its secret on every token request. A secret verified once is remembered for ten minutes
 * under a SHA-256 of client id and secret, bound to the stored hash: rotating the secret changes
 * the hash, so the old secret stops working at once.
 */
@Injectable()
export class ClientSecretVerifier {
  private readonly verified = new LRUCache<string, string>({ max: 1000, ttl: 10 * 60_000 });

  constructor(private readonly hasher: PasswordHasher) {}

  async verify(client: { readonly clientId: string; readonly secretHash: string | null }, secret: string): Promise<boolean> {
    if (!client.secretHash) return false;
    const key = createHash('sha256').update(client.clientId).update('\u0000').update(secret).digest('base64url');
    if (this.verified.get(key) === client.secretHash) return true;
    const ok = await this.hasher.verify(client.secretHash, secret);
    if (ok) this.verified.set(key, client.secretHash);
    return ok;
  }
}
