import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { PictureOwner } from '../domain/picture.js';

/** A current picture: its content item's bytes as the store holds them. */
export interface PictureRow {
  readonly contentId: string;
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
  readonly sha256: string;
  readonly storeKey: string;
  readonly updatedAt: Date;
}

const kindAndId = (owner: PictureOwner): [string, string] => (owner.kind === 'user' ? ['user', owner.userId] : ['tenant', owner.tenantId]);

/** content.pictures: which content item is the current picture of a user or the logo of a tenant. */
@Injectable()
export class PictureRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async find(tenantId: string, owner: PictureOwner): Promise<PictureRow | null> {
    const [kind, id] = kindAndId(owner);
    const [row] = await this.uow.query<PictureRow>(
      `SELECT c.id::text AS "contentId", c.name, c.mime_type AS "mimeType", c.size_bytes::float8 AS size, c.sha256, c.store_key AS "storeKey",
              p.updated_at AS "updatedAt"
         FROM content.pictures p JOIN content.content_items c ON c.id = p.content_id
        WHERE p.tenant_id = $1::bigint AND p.owner_kind = $2 AND p.owner_id = $3::bigint AND c.store_key IS NOT NULL`,
      [tenantId, kind, id],
    );
    return row ?? null;
  }

  /**
   * Makes `contentId` the owner's picture (caller's transaction) and answers the content id it
   * replaced, if any. Concurrent replacements of one owner's picture are serialised by a
   * transaction-scoped advisory lock, so each replaced item is answered exactly once.
   */
  async replace(tenantId: string, owner: PictureOwner, contentId: string): Promise<string | null> {
    const [kind, id] = kindAndId(owner);
    await this.uow.query(`SELECT pg_advisory_xact_lock(hashtextextended('content.pictures:' || $1 || ':' || $2 || ':' || $3, 0))`, [tenantId, kind, id]);
    const [old] = await this.uow.query<{ contentId: string }>(
      `SELECT content_id::text AS "contentId" FROM content.pictures WHERE tenant_id = $1::bigint AND owner_kind = $2 AND owner_id = $3::bigint`,
      [tenantId, kind, id],
    );
    await this.uow.query(
      `INSERT INTO content.pictures (tenant_id, owner_kind, owner_id, content_id) VALUES ($1::bigint, $2, $3::bigint, $4::bigint)
       ON CONFLICT (tenant_id, owner_kind, owner_id) DO UPDATE SET content_id = EXCLUDED.content_id, updated_at = now()`,
      [tenantId, kind, id, contentId],
    );
    return old?.contentId ?? null;
  }

  /** Which of these content items are someone's picture or a tenant's logo, in id order. */
  async referenced(tenantId: string, contentIds: readonly string[]): Promise<string[]> {
    if (contentIds.length === 0) return [];
    const rows = await this.uow.query<{ id: string }>(
      `SELECT content_id::text AS id FROM content.pictures WHERE tenant_id = $1::bigint AND content_id = ANY($2::bigint[]) ORDER BY content_id`,
      [tenantId, contentIds],
    );
    return rows.map((r) => r.id);
  }

  /** Users of the tenant → the content id of their picture (one query for any number of users). */
  /** Tenants → the content id of their logo (a tenant's logo is a picture of that tenant, owned by it). */
  async logoIds(tenantIds: readonly string[]): Promise<Map<string, string>> {
    if (tenantIds.length === 0) return new Map();
    const rows = await this.uow.query<{ tenantId: string; contentId: string }>(
      `SELECT p.owner_id::text AS "tenantId", p.content_id::text AS "contentId"
         FROM content.pictures p JOIN content.content_items c ON c.id = p.content_id
        WHERE p.owner_kind = 'tenant' AND p.owner_id = ANY($1::bigint[]) AND p.tenant_id = p.owner_id AND c.store_key IS NOT NULL`,
      [tenantIds],
    );
    return new Map(rows.map((r) => [r.tenantId, r.contentId]));
  }

  async pictureIds(tenantId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.uow.query<{ userId: string; contentId: string }>(
      `SELECT owner_id::text AS "userId", content_id::text AS "contentId" FROM content.pictures
        WHERE tenant_id = $1::bigint AND owner_kind = 'user' AND owner_id = ANY($2::bigint[])`,
      [tenantId, userIds],
    );
    return new Map(rows.map((r) => [r.userId, r.contentId]));
  }
}
