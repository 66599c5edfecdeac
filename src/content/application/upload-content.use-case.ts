import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { IdentityApi, type Principal } from '../../identity/index.js';
import type { ContentOwner } from '../content.api.js';
import { sanitizeFileName, simpleTypeOf } from '../domain/content-item.js';
import { CONTENT_STORE, type ContentStore } from '../domain/content-store.js';
import { ContentErrors } from '../domain/content.errors.js';
import { ByteMeter } from '../infrastructure/byte-meter.js';
import { contentKey } from '../infrastructure/content-store.provider.js';
import { ContentRepository } from '../infrastructure/content.repository.js';
import { receiveFile, type UploadRequest } from '../infrastructure/multipart.js';
import { SNIFF_BYTES, sniffMime } from '../infrastructure/sniff-mime.js';
import { ContentAccessRules } from './content-access.js';
import { type ContentView, withCreators } from './content.view.js';
import { attachedPayload } from './content-events.js';

export interface UploadContentInput {
  readonly actor: Principal;
  /** `none` for start-form uploads (`content/raw`); otherwise the instance or task (a task's instance included). */
  readonly owner: ContentOwner;
  readonly relatedContent: boolean;
  /** The HTTP request itself: its multipart body is read as a stream, never buffered. */
  readonly request: UploadRequest;
}

/**
 * Uploads content (seed 004 `content/raw`, `…/raw-content`): checks that the caller may attach to
 * the owner before reading a byte (and again in the inserting transaction, where the owner's
 * policy locks it), streams the first file part of the multipart body into the
 * content store under a fresh key (`content/<tenant>/<yyyy>/<mm>/<uuid>`, never derived from the
 * file name) while counting, hashing (SHA-256) and keeping the first bytes for type detection,
 * and only then inserts the row, in its own transaction, with `content.content.attached`.
 *
 * Failures leave nothing behind: over MAX_UPLOAD_BYTES (413), empty (400), a name that sanitises
 * to nothing (400), a client that aborts, a store that fails or an insert that fails all remove the
 * bytes written. A crash between write and insert leaves an object without a row, which the
 * orphan sweeper removes once it is an hour old.
 */
@Injectable()
export class UploadContent {
  private readonly logger = new Logger('Content');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    private readonly items: ContentRepository,
    private readonly access: ContentAccessRules,
    private readonly identity: IdentityApi,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: UploadContentInput): Promise<ContentView> {
    const { actor, owner } = input;
    try {
      await this.access.assertCanAttach(actor, owner);
    } catch (error) {
      input.request.resume();
      throw error;
    }
    const maxBytes = this.config.maxUploadBytes;
    const key = contentKey(actor.tenantId, new Date(), randomUUID());
    const received = await receiveFile(input.request, maxBytes, async (file, info) => {
      const name = sanitizeFileName(info.fileName);
      const meter = new ByteMeter(SNIFF_BYTES, maxBytes);
      let tooLarge = false;
      file.once('limit', () => {
        tooLarge = true;
        meter.destroy(ContentErrors.tooLarge(maxBytes));
      });
      file.on('error', (error: Error) => meter.destroy(error));
      // The store attaches its own listeners only once it starts writing (after mkdir, say): an error before that must not go unhandled.
      meter.on('error', () => undefined);
      const body: Readable = file.pipe(meter);
      try {
        await this.store.put(key, body);
      } catch (error) {
        await this.discard(key);
        throw tooLarge || meter.bytes > maxBytes ? ContentErrors.tooLarge(maxBytes) : error;
      }
      if (tooLarge || meter.bytes > maxBytes || (file as Readable & { truncated?: boolean }).truncated) {
        await this.discard(key);
        throw ContentErrors.tooLarge(maxBytes);
      }
      if (meter.bytes === 0) {
        await this.discard(key);
        throw ContentErrors.emptyFile();
      }
      if (name === null) {
        await this.discard(key);
        throw ContentErrors.badName();
      }
      return { name, size: meter.bytes, sha256: meter.sha256(), head: meter.head() };
    });

    let item;
    try {
      const mimeType = await sniffMime(received.head, received.name);
      item = await this.uow.run(async () => {
        // Again, in the inserting transaction: the owner may have ended while the bytes streamed,
        // and the policy holds its row until this commits.
        await this.access.assertCanAttach(actor, owner);
        const row = await this.items.insert({
          tenantId: actor.tenantId,
          name: received.name,
          mimeType,
          simpleType: simpleTypeOf(mimeType),
          relatedContent: input.relatedContent,
          owner,
          createdBy: actor.userId,
          bytes: { storeKey: key, size: received.size, sha256: received.sha256 },
        });
        await this.bus.publish('content.content.attached', attachedPayload(row), actor.tenantId);
        return row;
      });
    } catch (error) {
      // The row did not commit: its bytes must not stay.
      await this.discard(key);
      throw error;
    }
    return (await withCreators(this.identity, actor.tenantId, [item]))[0]!;
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.store.delete(key);
    } catch (error) {
      // The sweeper removes it later (no row names it).
      this.logger.warn({ key, err: error instanceof Error ? error.message : String(error) }, 'Could not remove the bytes of a failed upload');
    }
  }
}
