import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../identity/index.js';
import { ContentErrors } from './domain/content.errors.js';
import { ContentRepository } from './infrastructure/content.repository.js';
import { PictureRepository } from './infrastructure/picture.repository.js';

/** What a content item hangs on. A task of a process carries its instance too (it shows in both lists). */
export type ContentOwner =
  | { readonly kind: 'process-instance'; readonly processInstanceId: string }
  | { readonly kind: 'task'; readonly taskId: string; readonly processInstanceId: string | null }
  /** `content/raw` (start-form uploads): no owner yet; only its creator sees it until a submission claims it. */
  | { readonly kind: 'none' };

/** The answer of an access check: `not-found` when the owner does not exist for the caller (other tenant, unknown id). */
export type ContentAccess = 'allowed' | 'forbidden' | 'not-found';

/**
 * The port through which content asks the engine about owners it cannot see itself (design.md §1:
 * content must not depend on the process engine). The engine registers its implementation with
 * `ContentApi.registerOwnerPolicy` when it starts, as org-structure registers its sources with
 * identity. Without one, every owned item is `not-found`.
 */
export interface ContentOwnerPolicy {
  /** May the caller read content of this owner (list, metadata, bytes, thumbnail)? */
  canRead(actor: Principal, owner: ContentOwner): Promise<ContentAccess>;
  /** May the caller attach content to, or delete content of, this owner? */
  canWrite(actor: Principal, owner: ContentOwner): Promise<ContentAccess>;
  /** The owner of an upload to a task: the task's instance, when it has one. `not-found`: no such task for the caller. */
  taskOwner(actor: Principal, taskId: string): Promise<ContentOwner | 'not-found'>;
}

/** Content as other contexts see it (upload field values rendered into a form). */
export interface ContentSummary {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly simpleType: string;
  readonly size: number | null;
  readonly createdBy: string;
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
  readonly created: Date;
  readonly relatedContent: boolean;
  /** A link holds no bytes. */
  readonly link: boolean;
  readonly contentAvailable: boolean;
  readonly previewStatus: string;
  readonly thumbnailStatus: string;
}

function sameOwner(item: { readonly processInstanceId: string | null; readonly taskId: string | null }, owner: ContentOwner): boolean {
  switch (owner.kind) {
    case 'none':
      return false;
    case 'process-instance':
      return item.processInstanceId === owner.processInstanceId;
    case 'task':
      return item.taskId === owner.taskId;
  }
}

/** The content context's facade. */
@Injectable()
export class ContentApi {
  private ownerPolicy: ContentOwnerPolicy | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    private readonly items: ContentRepository,
    private readonly pictures: PictureRepository,
  ) {}

  /** The engine tells content who may see the content of instances and tasks. */
  registerOwnerPolicy(policy: ContentOwnerPolicy): void {
    this.ownerPolicy = policy;
  }

  /** The registered policy (content's own use cases read it). */
  policy(): ContentOwnerPolicy | null {
    return this.ownerPolicy;
  }

  /**
   * A form submission names uploaded content (upload fields): each id must be content of the tenant
   * that the submitter created or that already belongs to this owner; unowned items become the
   * owner's field content (relatedContent false). Joins the caller's transaction. An id that does not
   * qualify: 400 naming it, nothing changed.
   */
  claimFieldContent(input: { tenantId: string; userId: string; contentIds: readonly string[]; owner: ContentOwner }): Promise<void> {
    return this.uow.run(async () => {
      const ids = [...new Set(input.contentIds)];
      if (ids.length === 0) return;
      for (const id of ids) if (!/^[1-9]\d{0,18}$/.test(id)) throw ContentErrors.fieldContent(id);
      const rows = new Map((await this.items.lockMany(input.tenantId, ids)).map((r) => [r.id, r]));
      const toClaim: string[] = [];
      for (const id of ids) {
        const row = rows.get(id);
        if (!row) throw ContentErrors.fieldContent(id);
        if (sameOwner(row, input.owner)) continue;
        if (row.ownerKind !== 'none' || row.createdBy !== input.userId || input.owner.kind === 'none') throw ContentErrors.fieldContent(id);
        toClaim.push(id);
      }
      // A picture or logo is an unowned upload of its creator too, but it is not theirs to hand to a case.
      const picture = (await this.pictures.referenced(input.tenantId, toClaim))[0];
      if (picture !== undefined) throw ContentErrors.fieldContent(picture);
      const owner = input.owner;
      if (owner.kind === 'none' || toClaim.length === 0) return;
      await this.items.claim(input.tenantId, toClaim, owner);
      // Claimed uploads are attached to the owner now: the engine's audit hears of it like any upload.
      for (const id of toClaim) {
        const row = rows.get(id)!;
        await this.bus.publish(
          'content.content.attached',
          {
            contentId: id,
            processInstanceId: owner.processInstanceId,
            taskId: owner.kind === 'task' ? owner.taskId : null,
            name: row.name,
            mimeType: row.mimeType,
            relatedContent: false,
            link: row.link,
            createdBy: row.createdBy,
          },
          input.tenantId,
        );
      }
    });
  }

  /** Summaries of content items of the tenant, in the order asked; unknown ids are left out. */
  async summaries(tenantId: string, ids: readonly string[]): Promise<ContentSummary[]> {
    const valid = ids.filter((id) => /^[1-9]\d{0,18}$/.test(id));
    if (valid.length === 0) return [];
    const rows = new Map((await this.items.findMany(tenantId, [...new Set(valid)])).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = rows.get(id);
      return r
        ? [
            {
              id: r.id,
              name: r.name,
              mimeType: r.mimeType,
              simpleType: r.simpleType,
              size: r.size,
              createdBy: r.createdBy,
              processInstanceId: r.processInstanceId,
              taskId: r.taskId,
              created: r.createdAt,
              relatedContent: r.relatedContent,
              link: r.link,
              contentAvailable: !r.link && r.storeKey !== null,
              previewStatus: r.previewStatus,
              thumbnailStatus: r.thumbnailStatus,
            },
          ]
        : [];
    });
  }
}
