import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';

export interface SigningKeyRow {
  readonly kid: string;
  readonly algorithm: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
}

const COLUMNS = `kid, algorithm, private_jwk AS "privateJwk", public_jwk AS "publicJwk", created_at AS "createdAt", retired_at AS "retiredAt"`;

/**
 * The JWT signing keys. Private keys are stored as JWKs in the database (protect backups as you
 * protect the database); at most one key is current, retired keys verify until their tokens expire.
 */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async lockForRotation(): Promise<void> {
    await this.uow.manager.query(`SELECT pg_advisory_xact_lock(7413400201)`);
  }

  async current(): Promise<SigningKeyRow | undefined> {
    const rows = (await this.uow.manager.query(`SELECT ${COLUMNS} FROM identity.oauth_signing_keys WHERE retired_at IS NULL`)) as SigningKeyRow[];
    return rows[0];
  }

  /** The current key and the keys retired less than `graceSeconds` ago (their tokens may still be valid). */
  async verifying(graceSeconds: number): Promise<SigningKeyRow[]> {
    return (await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM identity.oauth_signing_keys
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
        ORDER BY created_at DESC`,
      [graceSeconds],
    )) as SigningKeyRow[];
  }

  async retireCurrent(): Promise<void> {
    await this.uow.manager.query(`UPDATE identity.oauth_signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
  }

  async insert(key: Pick<SigningKeyRow, 'kid' | 'algorithm' | 'privateJwk' | 'publicJwk'>): Promise<SigningKeyRow> {
    const rows = (await this.uow.manager.query(
      `INSERT INTO identity.oauth_signing_keys (kid, algorithm, private_jwk, public_jwk) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [key.kid, key.algorithm, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk)],
    )) as SigningKeyRow[];
    return rows[0]!;
  }
}
