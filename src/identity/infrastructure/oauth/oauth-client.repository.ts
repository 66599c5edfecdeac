import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { changedOneRow, returnedRows } from './returned-rows.js';
import type { OAuthGrant } from '../../domain/oauth/oauth-rules.js';

export interface OAuthClientRow {
  readonly id: string;
  readonly tenantId: string;
  readonly clientId: string;
  /** argon2id; never leaves the identity context. */
  readonly secretHash: string | null;
  readonly name: string;
  readonly redirectUris: string[];
  readonly grants: OAuthGrant[];
  readonly confidential: boolean;
  readonly scopes: string[];
  readonly serviceUserId: string | null;
  /** Access tokens issued before this (creation, last secret rotation) are refused. */
  readonly tokensNotBefore: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewOAuthClient {
  readonly tenantId: string;
  readonly clientId: string;
  readonly secretHash: string | null;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly grants: readonly OAuthGrant[];
  readonly confidential: boolean;
  readonly scopes: readonly string[];
  readonly serviceUserId: string | null;
}

export interface OAuthClientChanges {
  readonly name?: string;
  readonly redirectUris?: readonly string[];
  readonly grants?: readonly OAuthGrant[];
  readonly serviceUserId?: string | null;
}

const COLUMNS = `id::text AS "id", tenant_id::text AS "tenantId", client_id AS "clientId", secret_hash AS "secretHash",
  name, redirect_uris AS "redirectUris", grants, confidential, scopes, service_user_id::text AS "serviceUserId",
  tokens_not_before AS "tokensNotBefore", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** OAuth2 clients, in parameterised SQL through the current unit of work. */
@Injectable()
export class OAuthClientRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async byClientId(clientId: string): Promise<OAuthClientRow | undefined> {
    const rows = (await this.uow.query(`SELECT ${COLUMNS} FROM identity.oauth_clients WHERE client_id = $1`, [clientId])) as OAuthClientRow[];
    return rows[0];
  }

  async byId(tenantId: string, id: string): Promise<OAuthClientRow | undefined> {
    const rows = (await this.uow.manager.query(`SELECT ${COLUMNS} FROM identity.oauth_clients WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
    ])) as OAuthClientRow[];
    return rows[0];
  }

  async page(tenantId: string, start: number, size: number): Promise<{ total: number; rows: OAuthClientRow[] }> {
    const [count] = (await this.uow.manager.query(`SELECT count(*)::int AS total FROM identity.oauth_clients WHERE tenant_id = $1`, [
      tenantId,
    ])) as { total: number }[];
    const rows = (await this.uow.manager.query(
      `SELECT ${COLUMNS} FROM identity.oauth_clients WHERE tenant_id = $1 ORDER BY id OFFSET $2 LIMIT $3`,
      [tenantId, start, size],
    )) as OAuthClientRow[];
    return { total: count?.total ?? 0, rows };
  }

  async insert(client: NewOAuthClient): Promise<OAuthClientRow> {
    const rows = (await this.uow.manager.query(
      `INSERT INTO identity.oauth_clients (tenant_id, client_id, secret_hash, name, redirect_uris, grants, confidential, scopes, service_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        client.tenantId,
        client.clientId,
        client.secretHash,
        client.name,
        client.redirectUris,
        client.grants,
        client.confidential,
        client.scopes,
        client.serviceUserId,
      ],
    )) as OAuthClientRow[];
    return rows[0]!;
  }

  async update(tenantId: string, id: string, changes: OAuthClientChanges): Promise<OAuthClientRow | undefined> {
    const rows = returnedRows(await this.uow.manager.query(
      `UPDATE identity.oauth_clients SET
         name = COALESCE($3, name),
         redirect_uris = COALESCE($4, redirect_uris),
         grants = COALESCE($5, grants),
         service_user_id = CASE WHEN $6 THEN $7::bigint ELSE service_user_id END,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [
        tenantId,
        id,
        changes.name ?? null,
        changes.redirectUris ?? null,
        changes.grants ?? null,
        changes.serviceUserId !== undefined,
        changes.serviceUserId ?? null,
      ],
    )) as OAuthClientRow[];
    return rows[0];
  }

  /** A new secret: the access tokens issued until now stop working (tokens_not_before moves). */
  async setSecretHash(tenantId: string, id: string, secretHash: string): Promise<boolean> {
    return changedOneRow(
      this.uow.manager,
      `UPDATE identity.oauth_clients SET secret_hash = $3, tokens_not_before = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [tenantId, id, secretHash],
    );
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    return changedOneRow(this.uow.manager, `DELETE FROM identity.oauth_clients WHERE tenant_id = $1 AND id = $2 RETURNING id`, [tenantId, id]);
  }

  /** A service user named by a client must be an active member of the client's tenant. */
  async userBelongsToTenant(userId: string, tenantId: string): Promise<boolean> {
    const rows = (await this.uow.manager.query(
      `SELECT 1 FROM identity.users WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL`,
      [userId, tenantId],
    )) as unknown[];
    return rows.length === 1;
  }
}
