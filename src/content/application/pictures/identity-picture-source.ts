import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IdentityApi, type PictureSource } from '../../../identity/index.js';
import { PictureRepository } from '../../infrastructure/picture.repository.js';

/** Answers identity's PictureSource port: the aps profile's `pictureId` and `tenantPictureId` are content ids kept here. */
@Injectable()
export class IdentityPictureSource implements PictureSource, OnModuleInit {
  constructor(
    private readonly identity: IdentityApi,
    private readonly pictures: PictureRepository,
  ) {}

  onModuleInit(): void {
    this.identity.registerPictureSource(this);
  }

  pictureIds(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.pictures.pictureIds(tenantId, userIds);
  }

  logoIds(tenantIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.pictures.logoIds(tenantIds);
  }

  async logoId(tenantId: string): Promise<string | null> {
    return (await this.pictures.find(tenantId, { kind: 'tenant', tenantId }))?.contentId ?? null;
  }
}
