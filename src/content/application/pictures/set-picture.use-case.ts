import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { sanitizeFileName } from '../../domain/content-item.js';
import { CONTENT_STORE, type ContentStore } from '../../domain/content-store.js';
import { PICTURE_MAX_BYTES, PICTURE_PARTS, type PictureOwner, PictureErrors } from '../../domain/picture.js';
import { contentKey } from '../../infrastructure/content-store.provider.js';
import { ContentRepository } from '../../infrastructure/content.repository.js';
import { normalizePicture } from '../../infrastructure/picture-image.js';
import { PictureRepository } from '../../infrastructure/picture.repository.js';
import { readSmallUpload } from '../../infrastructure/read-small-upload.js';
import { requireLogoAccess, requireUserPictureWriter } from './picture-access.js';

export interface SetPictureInput {
  readonly actor: Principal;
  readonly owner: PictureOwner;
  /** The tenant the owner belongs to: the caller's (aps), the `{workspace}`'s (pm3), or the tenant itself (logo). */
  readonly tenantId: string;
  /** The HTTP request: its multipart body carries the picture in a part named `file` (or `USR_PHOTO`). */
  readonly request: IncomingMessage;
}

export interface SetPictureResult {
  readonly contentId: string;
  readonly mimeType: string;
  readonly width: number;
  readonly height: number;
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/**
 * Sets a user's picture or a tenant's logo. The caller's right and the owner's existence are
 * checked before the body is read; the picture (at most PICTURE_MAX_BYTES, and MAX_UPLOAD_BYTES)
 * must be a PNG, JPEG or GIF by its bytes, is stored resized to fit 512 × 512 as an unowned content
 * item of the owner's tenant, and becomes the owner's picture in one transaction, replacing (and
 * deleting) the previous one. Bytes written for a picture that does not commit are removed.
 */
@Injectable()
export class SetPicture {
  private readonly logger = new Logger('Content');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    private readonly items: ContentRepository,
    private readonly pictures: PictureRepository,
    private readonly identity: IdentityApi,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: SetPictureInput): Promise<SetPictureResult> {
    const { actor, owner, tenantId } = input;
    try {
      await this.checkOwner(actor, owner, tenantId);
    } catch (error) {
      input.request.resume();
      throw error;
    }
    const maxBytes = Math.min(PICTURE_MAX_BYTES, this.config.maxUploadBytes);
    const upload = await readSmallUpload(input.request, PICTURE_PARTS, maxBytes, () => PictureErrors.tooLarge(maxBytes));
    const picture = await normalizePicture(upload.bytes);
    const extension = EXTENSIONS[picture.mimeType]!;
    const base = sanitizeFileName(upload.filename)?.replace(/\.[^.]*$/, '') || (owner.kind === 'user' ? 'picture' : 'logo');
    const name = `${base.slice(0, 200)}.${extension}`;
    const key = contentKey(tenantId, new Date(), randomUUID());
    await this.store.put(key, Readable.from([picture.bytes]));
    let replaced: { id: string; storeKey: string | null; thumbnailKey: string | null } | null = null;
    let contentId: string;
    try {
      contentId = await this.uow.run(async () => {
        const row = await this.items.insert({
          tenantId,
          name,
          mimeType: picture.mimeType,
          simpleType: 'image',
          relatedContent: false,
          owner: { kind: 'none' },
          createdBy: actor.userId,
          bytes: { storeKey: key, size: picture.bytes.length, sha256: createHash('sha256').update(picture.bytes).digest('hex') },
        });
        const event = { processInstanceId: null, taskId: null, mimeType: picture.mimeType, relatedContent: false, link: false };
        await this.bus.publish('content.content.attached', { ...event, contentId: row.id, name, createdBy: actor.userId }, tenantId);
        const oldId = await this.pictures.replace(tenantId, owner, row.id);
        if (oldId !== null) {
          const old = await this.items.find(tenantId, oldId);
          if (old && (await this.items.delete(tenantId, oldId))) {
            replaced = { id: old.id, storeKey: old.storeKey, thumbnailKey: old.thumbnailKey };
            await this.bus.publish('content.content.deleted', { ...event, contentId: old.id, name: old.name, mimeType: old.mimeType, deletedBy: actor.userId }, tenantId);
          }
        }
        return row.id;
      });
    } catch (error) {
      await this.discard(key);
      throw error;
    }
    const gone = replaced as { storeKey: string | null; thumbnailKey: string | null } | null;
    if (gone) for (const k of [gone.storeKey, gone.thumbnailKey]) if (k) await this.discard(k);
    return { contentId, mimeType: picture.mimeType, width: picture.width, height: picture.height };
  }

  private async checkOwner(actor: Principal, owner: PictureOwner, tenantId: string): Promise<void> {
    if (owner.kind === 'tenant') {
      requireLogoAccess(actor, owner.tenantId);
      if (!(await this.identity.tenantExists(owner.tenantId))) throw PictureErrors.tenantNotFound(owner.tenantId);
      return;
    }
    requireUserPictureWriter(actor, owner.userId, tenantId);
    if ((await this.identity.existingUserIds(tenantId, [owner.userId])).length === 0) throw PictureErrors.userNotFound(owner.userId);
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.store.delete(key);
    } catch (error) {
      // No row names it: the orphan sweeper removes it later.
      this.logger.warn({ key, err: error instanceof Error ? error.message : String(error) }, 'Could not remove the bytes of a picture');
    }
  }
}
