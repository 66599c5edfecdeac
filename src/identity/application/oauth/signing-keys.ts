import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { SigningKeyRepository, type SigningKeyRow } from '../../infrastructure/oauth/signing-key.repository.js';

export const SIGNING_ALGORITHM = 'ES256';

type Key = CryptoKey | Uint8Array;

interface CurrentKey {
  readonly kid: string;
  readonly privateKey: Key;
  readonly createdAt: Date;
  readonly loadedAt: number;
}

/** Other nodes may rotate: the current key is re-read from the database at most this often. */
const CURRENT_KEY_CACHE_MS = 60_000;
/** An unknown kid reloads the public keys, but not more often than this (junk tokens cost no query storm). */
const UNKNOWN_KID_RELOAD_MS = 2_000;

/**
 * The JWT signing keys, kept in the database and cached in memory. A key older than
 * SIGNING_KEY_MAX_AGE is replaced on the next signature; retired keys keep verifying (and stay in
 * the JWKS) for one access-token lifetime.
 */
@Injectable()
export class SigningKeys {
  private readonly logger = new Logger('SigningKeys');
  private currentKey: CurrentKey | undefined;
  private readonly publicKeys = new Map<string, Key>();
  private lastReload = 0;

  constructor(
    private readonly keys: SigningKeyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forSigning(): Promise<{ kid: string; key: Key }> {
    const cached = this.currentKey;
    if (cached && Date.now() - cached.loadedAt < CURRENT_KEY_CACHE_MS && !this.tooOld(cached.createdAt)) {
      return { kid: cached.kid, key: cached.privateKey };
    }
    let row = await this.keys.current();
    if (!row || this.tooOld(row.createdAt)) row = await this.rotate(false);
    return this.remember(row);
  }

  /** Makes sure a current key exists (first start) and rotates an expired one. */
  async ensureCurrent(): Promise<void> {
    await this.forSigning();
  }

  /** Replaces the current key (when `force`, or when it is missing or too old). */
  @Transactional()
  async rotate(force: boolean): Promise<SigningKeyRow> {
    await this.keys.lockForRotation();
    const existing = await this.keys.current();
    if (existing && !force && !this.tooOld(existing.createdAt)) return existing;
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
    const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM };
    await this.keys.retireCurrent();
    const row = await this.keys.insert({ kid, algorithm: SIGNING_ALGORITHM, privateJwk, publicJwk });
    this.logger.log(`Created OAuth2 signing key ${kid}`);
    this.currentKey = undefined;
    return row;
  }

  /** The public key for a kid, or undefined when no verifying key has it. */
  async forVerifying(kid: string): Promise<Key | undefined> {
    const known = this.publicKeys.get(kid);
    if (known) return known;
    if (Date.now() - this.lastReload < UNKNOWN_KID_RELOAD_MS) return undefined;
    await this.reloadPublicKeys();
    return this.publicKeys.get(kid);
  }

  /** Public keys of the current and recently retired keys, for /.well-known/jwks.json. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = await this.keys.verifying(this.config.accessTokenTtlSeconds);
    return { keys: rows.map((r) => r.publicJwk) };
  }

  private async reloadPublicKeys(): Promise<void> {
    this.lastReload = Date.now();
    const rows = await this.keys.verifying(this.config.accessTokenTtlSeconds);
    this.publicKeys.clear();
    for (const row of rows) this.publicKeys.set(row.kid, await importJWK(row.publicJwk, row.algorithm));
  }

  private async remember(row: SigningKeyRow): Promise<{ kid: string; key: Key }> {
    const privateKey = await importJWK(row.privateJwk, row.algorithm);
    this.currentKey = { kid: row.kid, privateKey, createdAt: new Date(row.createdAt), loadedAt: Date.now() };
    if (!this.publicKeys.has(row.kid)) this.publicKeys.set(row.kid, await importJWK(row.publicJwk, row.algorithm));
    return { kid: row.kid, key: privateKey };
  }

  private tooOld(createdAt: Date): boolean {
    return Date.now() - new Date(createdAt).getTime() > this.config.signingKeyMaxAgeSeconds * 1000;
  }
}
