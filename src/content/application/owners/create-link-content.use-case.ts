import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { sanitizeFileName, simpleTypeOf } from '../../domain/content-item.js';
import { checkLinkMimeType, checkLinkTarget, checkLinkUrl, linkCopyUnsupported } from '../../domain/content-link.js';
import { ContentErrors } from '../../domain/content.errors.js';
import { ContentRepository } from '../../infrastructure/content.repository.js';
import { ContentAccessRules } from '../content-access.js';
import { type ContentView, withCreators } from '../content.view.js';
import { type OwnerRef, OwnerResolver } from './owner-ref.js';
import { attachedPayload } from '../content-events.js';

export interface CreateLinkContentInput {
  readonly actor: Principal;
  readonly owner: OwnerRef;
  /** Seed 004: default true for links ("different from the call above"). */
  readonly relatedContent: boolean;
  readonly name: string;
  /** Seed 004's `link`; absent = true. false (copy the bytes from the source) is not supported: 400. */
  readonly link?: boolean;
  readonly source?: string | null;
  readonly sourceId?: string | null;
  readonly mimeType?: string;
  readonly linkUrl?: string | null;
}

/**
 * Relates content that lives elsewhere (an Alfresco repository, a URL) to a process instance or a
 * task (seed 004 `POST …/content`). A link holds no bytes: `contentAvailable` false, no thumbnail or
 * preview (`unsupported`), and `content/{id}/raw` answers 404. The owner must accept changes (the
 * engine's policy: involved, and not ended).
 */
@Injectable()
export class CreateLinkContent {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    private readonly items: ContentRepository,
    private readonly owners: OwnerResolver,
    private readonly access: ContentAccessRules,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: CreateLinkContentInput): Promise<ContentView> {
    const { actor } = input;
    const owner = await this.owners.owner(actor, input.owner);
    // One transaction from the check on: the owner's policy holds its row until the insert commits.
    const item = await this.uow.run(async () => {
      await this.access.assertCanAttach(actor, owner);
      if (input.link === false) throw linkCopyUnsupported();
      const name = sanitizeFileName(input.name);
      if (name === null) throw ContentErrors.badName();
      const linkUrl = input.linkUrl ? checkLinkUrl(input.linkUrl) : null;
      checkLinkTarget({ linkUrl, source: input.source, sourceId: input.sourceId });
      const mimeType = checkLinkMimeType(input.mimeType);
      const row = await this.items.insert({
        tenantId: actor.tenantId,
        name,
        mimeType,
        simpleType: simpleTypeOf(mimeType),
        relatedContent: input.relatedContent,
        owner,
        createdBy: actor.userId,
        linkTo: { source: input.source ?? null, sourceId: input.sourceId ?? null, linkUrl },
        previewStatus: 'unsupported',
        thumbnailStatus: 'unsupported',
      });
      await this.bus.publish('content.content.attached', attachedPayload(row), actor.tenantId);
      return row;
    });
    return (await withCreators(this.identity, actor.tenantId, [item]))[0]!;
  }
}
