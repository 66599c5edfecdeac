import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { ContentApi, type ContentOwner } from '../../content.api.js';
import { ContentErrors } from '../../domain/content.errors.js';

/** An owner as the owner endpoints name it: `process-instances/{id}/…` or `tasks/{id}/…`. */
export type OwnerRef = { readonly kind: 'process-instance'; readonly id: string } | { readonly kind: 'task'; readonly id: string };

/**
 * Turns the path's owner into the ContentOwner the policy judges, and answers the policy's read
 * verdict as content's errors (404 unknown or other tenant, 403 not involved). A task's owner
 * carries its instance (the engine's `taskOwner`), so that task content also lists under the
 * instance. Without a registered policy every owner is unknown.
 */
@Injectable()
export class OwnerResolver {
  constructor(private readonly api: ContentApi) {}

  async owner(actor: Principal, ref: OwnerRef): Promise<ContentOwner> {
    if (ref.kind === 'process-instance') return { kind: 'process-instance', processInstanceId: ref.id };
    const policy = this.api.policy();
    const owner = policy ? await policy.taskOwner(actor, ref.id) : 'not-found';
    if (owner === 'not-found') throw ContentErrors.ownerNotFound();
    return owner;
  }

  async readable(actor: Principal, ref: OwnerRef): Promise<ContentOwner> {
    const owner = await this.owner(actor, ref);
    const policy = this.api.policy();
    const access = policy ? await policy.canRead(actor, owner) : 'not-found';
    if (access === 'not-found') throw ContentErrors.ownerNotFound();
    if (access === 'forbidden') throw ContentErrors.ownerForbidden();
    return owner;
  }
}
