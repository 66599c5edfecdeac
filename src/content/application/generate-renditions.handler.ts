import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ContentEvents } from '../../../libs/contracts/content.events.js';
import type { DomainEvent } from '../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../libs/platform/events/on-domain-event.decorator.js';
import type { RenditionStatus } from '../domain/content-item.js';
import { CONTENT_STORE, type ContentStore } from '../domain/content-store.js';
import { thumbnailKey } from '../infrastructure/content-store.provider.js';
import { ContentRepository } from '../infrastructure/content.repository.js';
import { makeThumbnail, THUMBNAIL_INPUT_TYPES } from '../infrastructure/thumbnailer.js';

type Attached = DomainEvent<'content.content.attached', ContentEvents['content.content.attached']>;

/**
 * Renditions, after the upload committed (design.md §8: `queued` → `created`, `unsupported` or
 * `error` within seconds), from the outbox, so that a crash before it runs only delays it.
 * - thumbnail: images sharp reads → a PNG of at most 200×200 stored beside the bytes (`created`);
 *   other types → `unsupported`; a corrupt image or one over the pixel limit → `error`;
 * - preview: an image is its own preview (`created`); nothing else has a preview generator here, so
 *   PDFs and office documents are honestly `unsupported`.
 * Idempotent: only a row still `queued` is changed; a redelivery, or content deleted meanwhile,
 * leaves no thumbnail object behind. A store failure (not the image's fault) is thrown, so the
 * outbox retries.
 */
@Injectable()
export class GenerateRenditions {
  private readonly logger = new Logger('Content');

  constructor(
    private readonly items: ContentRepository,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  @OnDomainEvent('content.content.attached', { phase: 'after-commit', name: 'content.renditions' })
  async onAttached(event: Attached): Promise<void> {
    const item = await this.items.findById(event.payload.contentId);
    if (!item || item.thumbnailStatus !== 'queued') return;
    const preview: RenditionStatus = item.simpleType === 'image' && !item.link ? 'created' : 'unsupported';
    if (item.link || item.storeKey === null || !THUMBNAIL_INPUT_TYPES.has(item.mimeType)) {
      await this.items.setRenditions(item.id, { previewStatus: preview, thumbnailStatus: 'unsupported', thumbnailKey: null });
      return;
    }
    let png: Buffer;
    try {
      png = await makeThumbnail(await this.store.get(item.storeKey));
    } catch (error) {
      if (!(await this.store.exists(item.storeKey))) throw error;
      this.logger.warn({ contentId: item.id, err: error instanceof Error ? error.message : String(error) }, 'Thumbnail failed');
      await this.items.setRenditions(item.id, { previewStatus: preview, thumbnailStatus: 'error', thumbnailKey: null });
      return;
    }
    const key = thumbnailKey(item.storeKey);
    await this.store.delete(key);
    await this.store.put(key, Readable.from([png]));
    if (!(await this.items.setRenditions(item.id, { previewStatus: preview, thumbnailStatus: 'created', thumbnailKey: key }))) {
      // Deleted (or done by another delivery) meanwhile: the row does not name this object.
      const again = await this.items.findById(item.id);
      if (again?.thumbnailKey !== key) await this.store.delete(key);
    }
  }
}
