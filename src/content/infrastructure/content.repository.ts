import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { ContentItem, RenditionStatus, SimpleType } from '../domain/content-item.js';

const COLUMNS = `c.id::text AS "id", c.tenant_id::text AS "tenantId", c.name AS "name", c.mime_type AS "mimeType",
  c.simple_type AS "simpleType", c.size_bytes::float8 AS "size", c.sha256 AS "sha256", c.store_key AS "storeKey",
  c.related_content AS "relatedContent", c.link AS "link", c.source AS "source", c.source_id AS "sourceId",
  c.link_url AS "linkUrl", c.owner_kind AS "ownerKind", c.process_instance_id::text AS "processInstanceId",
  c.task_id::text AS "taskId", c.preview_status AS "previewStatus", c.thumbnail_status AS "thumbnailStatus",
  c.thumbnail_key AS "thumbnailKey", c.created_by::text AS "createdBy", c.created_at AS "createdAt"`;

export type OwnerColumns =
  | { readonly kind: 'none' }
  | { readonly kind: 'process-instance'; readonly processInstanceId: string }
  | { readonly kind: 'task'; readonly taskId: string; readonly processInstanceId: string | null };

export interface NewContentItem {
  readonly tenantId: string;
  readonly name: string;
  readonly mimeType: string;
  readonly simpleType: SimpleType;
  readonly relatedContent: boolean;
  readonly owner: OwnerColumns;
  readonly createdBy: string;
  /** Bytes in the store: key, size and checksum; absent for links. */
  readonly bytes?: { readonly storeKey: string; readonly size: number; readonly sha256: string };
  /** A link to content elsewhere (seed 004: `link`, `source`, `sourceId`, `linkUrl`); holds no bytes. */
  readonly linkTo?: { readonly source: string | null; readonly sourceId: string | null; readonly linkUrl: string | null };
  readonly previewStatus?: RenditionStatus;
  readonly thumbnailStatus?: RenditionStatus;
}

function ownerParams(owner: OwnerColumns): [string, string | null, string | null] {
  switch (owner.kind) {
    case 'none':
      return ['none', null, null];
    case 'process-instance':
      return ['process-instance', owner.processInstanceId, null];
    case 'task':
      return ['task', owner.processInstanceId, owner.taskId];
  }
}

/** Content items (schema `content`); every read is scoped by tenant. */
@Injectable()
export class ContentRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async insert(item: NewContentItem): Promise<ContentItem> {
    const [ownerKind, instanceId, taskId] = ownerParams(item.owner);
    const [row] = await this.uow.query<ContentItem>(
      `INSERT INTO content.content_items AS c (tenant_id, name, mime_type, simple_type, size_bytes, sha256, store_key, related_content, link,
         source, source_id, link_url, owner_kind, process_instance_id, task_id, preview_status, thumbnail_status, created_by)
       VALUES ($1::bigint, $2, $3, $4, $5::bigint, $6, $7, $8, $9, $10, $11, $12, $13, $14::bigint, $15::bigint, $16, $17, $18::bigint)
       RETURNING ${COLUMNS}`,
      [
        item.tenantId,
        item.name,
        item.mimeType,
        item.simpleType,
        item.bytes?.size ?? null,
        item.bytes?.sha256 ?? null,
        item.bytes?.storeKey ?? null,
        item.relatedContent,
        item.linkTo !== undefined,
        item.linkTo?.source ?? null,
        item.linkTo?.sourceId ?? null,
        item.linkTo?.linkUrl ?? null,
        ownerKind,
        instanceId,
        taskId,
        item.previewStatus ?? 'queued',
        item.thumbnailStatus ?? 'queued',
        item.createdBy,
      ],
    );
    return row!;
  }

  async find(tenantId: string, id: string): Promise<ContentItem | null> {
    const [row] = await this.uow.query<ContentItem>(`SELECT ${COLUMNS} FROM content.content_items c WHERE c.tenant_id = $1::bigint AND c.id = $2::bigint`, [tenantId, id]);
    return row ?? null;
  }

  /** By id alone: after-commit jobs, which carry the tenant in the event but read the row as it is now. */
  async findById(id: string): Promise<ContentItem | null> {
    const [row] = await this.uow.query<ContentItem>(`SELECT ${COLUMNS} FROM content.content_items c WHERE c.id = $1::bigint`, [id]);
    return row ?? null;
  }

  /** Locks the rows (caller's transaction), in id order. */
  lockMany(tenantId: string, ids: readonly string[]): Promise<ContentItem[]> {
    return this.uow.query<ContentItem>(
      `SELECT ${COLUMNS} FROM content.content_items c WHERE c.tenant_id = $1::bigint AND c.id = ANY($2::bigint[]) ORDER BY c.id FOR UPDATE`,
      [tenantId, ids],
    );
  }

  findMany(tenantId: string, ids: readonly string[]): Promise<ContentItem[]> {
    return this.uow.query<ContentItem>(`SELECT ${COLUMNS} FROM content.content_items c WHERE c.tenant_id = $1::bigint AND c.id = ANY($2::bigint[])`, [tenantId, ids]);
  }

  /**
   * Content of a process instance (including that of its tasks) or of a task, oldest first;
   * `related`: true = related content only, false = field content only, undefined = all.
   */
  listByOwner(tenantId: string, owner: { readonly processInstanceId: string } | { readonly taskId: string }, related?: boolean): Promise<ContentItem[]> {
    const [column, id] = 'taskId' in owner ? ['c.task_id', owner.taskId] : ['c.process_instance_id', owner.processInstanceId];
    return this.uow.query<ContentItem>(
      `SELECT ${COLUMNS} FROM content.content_items c
        WHERE c.tenant_id = $1::bigint AND ${column} = $2::bigint AND ($3::boolean IS NULL OR c.related_content = $3::boolean)
        ORDER BY c.created_at, c.id`,
      [tenantId, id, related ?? null],
    );
  }

  /** Gives unowned items an owner as field content (a form submission claimed them). */
  async claim(tenantId: string, ids: readonly string[], owner: OwnerColumns): Promise<void> {
    if (ids.length === 0) return;
    const [ownerKind, instanceId, taskId] = ownerParams(owner);
    await this.uow.query(
      `UPDATE content.content_items SET owner_kind = $3, process_instance_id = $4::bigint, task_id = $5::bigint, related_content = false
        WHERE tenant_id = $1::bigint AND id = ANY($2::bigint[]) AND owner_kind = 'none'`,
      [tenantId, ids, ownerKind, instanceId, taskId],
    );
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.uow.query<{ id: string }>(`DELETE FROM content.content_items WHERE tenant_id = $1::bigint AND id = $2::bigint RETURNING id::text AS id`, [
      tenantId,
      id,
    ]);
    return rows.length > 0;
  }

  /** Sets the renditions' outcome while they are still queued (a redelivered job changes nothing). Answers whether the row was updated. */
  async setRenditions(id: string, r: { readonly previewStatus: RenditionStatus; readonly thumbnailStatus: RenditionStatus; readonly thumbnailKey: string | null }): Promise<boolean> {
    const rows = await this.uow.query<{ id: string }>(
      `UPDATE content.content_items SET preview_status = $2, thumbnail_status = $3, thumbnail_key = $4
        WHERE id = $1::bigint AND thumbnail_status = 'queued' RETURNING id::text AS id`,
      [id, r.previewStatus, r.thumbnailStatus, r.thumbnailKey],
    );
    return rows.length > 0;
  }

  /** Which of these store keys a row still names (as its bytes or its thumbnail). */
  async keysInUse(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.uow.query<{ key: string }>(
      `SELECT k AS key FROM unnest($1::text[]) AS k
        WHERE EXISTS (SELECT 1 FROM content.content_items c WHERE c.store_key = k OR c.thumbnail_key = k)`,
      [keys],
    );
    return new Set(rows.map((r) => r.key));
  }
}
