import { Injectable } from '@nestjs/common';
import type { Principal } from '../identity/index.js';

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
}

/**
 * The content context's facade. The skeleton below is filled in by issue 5; the stubs throw.
 */
@Injectable()
export class ContentApi {
  private ownerPolicy: ContentOwnerPolicy | null = null;

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
  claimFieldContent(_input: { tenantId: string; userId: string; contentIds: readonly string[]; owner: ContentOwner }): Promise<void> {
    throw new Error('ContentApi.claimFieldContent: not implemented');
  }

  /** Summaries of content items of the tenant, in the order asked; unknown ids are left out. */
  summaries(_tenantId: string, _ids: readonly string[]): Promise<ContentSummary[]> {
    throw new Error('ContentApi.summaries: not implemented');
  }
}
