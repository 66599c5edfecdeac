import { Injectable } from '@nestjs/common';
import { hasPermission, Permission, type Principal } from '../../identity/index.js';
import { type ContentAccess, ContentApi, type ContentOwner } from '../content.api.js';
import { type ContentItem, ownerOf } from '../domain/content-item.js';
import { ContentErrors } from '../domain/content.errors.js';
import { ContentRepository } from '../infrastructure/content.repository.js';

/** Tenant admins see (and delete) every unowned upload of their tenant. */
export function isContentAdmin(actor: Principal): boolean {
  return hasPermission(actor, Permission.TenantAdmin, Permission.SystemAdmin);
}

/**
 * Who may do what with content (design.md §1: content cannot see the engine, so owned content is
 * judged by the owner policy the engine registers):
 * - another tenant's id, or an unknown one: 404;
 * - unowned content (a start-form upload): its creator and tenant admins; others 403;
 * - owned content: the policy's `canRead` (metadata, bytes, thumbnail) or `canWrite` (delete);
 *   `not-found` → 404, `forbidden` → 403; without a registered policy every owned item is 404.
 * Deleting owned content needs `canWrite` even for its creator: the engine decides whether an
 * instance or task still accepts changes.
 */
@Injectable()
export class ContentAccessRules {
  constructor(
    private readonly items: ContentRepository,
    private readonly api: ContentApi,
  ) {}

  readable(actor: Principal, id: string): Promise<ContentItem> {
    return this.check(actor, id, 'read');
  }

  writable(actor: Principal, id: string): Promise<ContentItem> {
    return this.check(actor, id, 'write');
  }

  /** May the caller add content to this owner? Unowned uploads: anyone signed in. */
  async assertCanAttach(actor: Principal, owner: ContentOwner): Promise<void> {
    if (owner.kind === 'none') return;
    const policy = this.api.policy();
    const access: ContentAccess = policy ? await policy.canWrite(actor, owner) : 'not-found';
    if (access === 'not-found') throw ContentErrors.ownerNotFound();
    if (access === 'forbidden') throw ContentErrors.ownerForbidden();
  }

  private async check(actor: Principal, id: string, mode: 'read' | 'write'): Promise<ContentItem> {
    const item = await this.items.find(actor.tenantId, id);
    if (!item) throw ContentErrors.notFound(id);
    const owner = ownerOf(item);
    if (owner.kind === 'none') {
      if (item.createdBy === actor.userId || isContentAdmin(actor)) return item;
      throw ContentErrors.forbidden(id);
    }
    const policy = this.api.policy();
    if (!policy) throw ContentErrors.notFound(id);
    const access = mode === 'read' ? await policy.canRead(actor, owner) : await policy.canWrite(actor, owner);
    if (access === 'not-found') throw ContentErrors.notFound(id);
    if (access === 'forbidden') throw ContentErrors.forbidden(id);
    return item;
  }
}
