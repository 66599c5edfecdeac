import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { CONTENT_STORE, type ContentStore } from '../../domain/content-store.js';
import { type PictureOwner, PictureErrors } from '../../domain/picture.js';
import { PictureRepository, type PictureRow } from '../../infrastructure/picture.repository.js';
import { requireLogoAccess } from './picture-access.js';

export interface GetPictureInput {
  readonly actor: Principal;
  readonly owner: PictureOwner;
}

export interface PictureBytes {
  readonly picture: PictureRow;
  readonly body: Readable;
}

/**
 * A user's picture or a tenant's logo, as bytes. A user's picture: any signed-in user of the same
 * tenant (seed 004 lists it next to the people pickers); a user of another tenant, or none, is 404.
 * A tenant logo: tenant managers (any tenant) and tenant admins (their own), others 403; no logo 404.
 */
@Injectable()
export class GetPicture {
  constructor(
    private readonly pictures: PictureRepository,
    private readonly identity: IdentityApi,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async execute(input: GetPictureInput): Promise<PictureBytes> {
    const { actor, owner } = input;
    let tenantId = actor.tenantId;
    if (owner.kind === 'tenant') {
      requireLogoAccess(actor, owner.tenantId);
      tenantId = owner.tenantId;
    } else if ((await this.identity.existingUserIds(actor.tenantId, [owner.userId])).length === 0) {
      throw PictureErrors.userNotFound(owner.userId);
    }
    const picture = await this.pictures.find(tenantId, owner);
    if (!picture) throw PictureErrors.noPicture(owner);
    return { picture, body: await this.store.get(picture.storeKey) };
  }
}
