import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { Transactional, UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../identity/index.js';
import { CONTENT_STORE, type ContentStore } from '../domain/content-store.js';
import { ContentRepository } from '../infrastructure/content.repository.js';
import { ContentAccessRules } from './content-access.js';
import { deletedPayload } from './content-events.js';

/**
 * Deletes a content item (seed 004 `DELETE content/{contentId}`): the row goes in the transaction
 * (with `content.content.deleted`), the bytes and the thumbnail after the commit. Should removing
 * them fail, no row names them any more and the orphan sweeper removes them later.
 */
@Injectable()
export class DeleteContent {
  private readonly logger = new Logger('Content');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    private readonly items: ContentRepository,
    private readonly access: ContentAccessRules,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  @Transactional()
  async execute(input: { readonly actor: Principal; readonly contentId: string }): Promise<void> {
    const item = await this.access.writable(input.actor, input.contentId);
    if (!(await this.items.delete(item.tenantId, item.id))) return;
    await this.bus.publish('content.content.deleted', deletedPayload(item, input.actor.userId), item.tenantId);
    const keys = [item.storeKey, item.thumbnailKey].filter((k): k is string => k !== null);
    this.uow.afterCommit(async () => {
      for (const key of keys) {
        await this.store.delete(key).catch((error: unknown) => {
          this.logger.warn({ key, err: error instanceof Error ? error.message : String(error) }, 'Could not remove the bytes of deleted content');
        });
      }
    });
  }
}
