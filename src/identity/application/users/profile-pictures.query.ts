import { Injectable } from '@nestjs/common';
import type { PictureSource } from '../../domain/picture-source.js';

export interface ProfilePictures {
  readonly pictureId: string | null;
  readonly tenantPictureId: string | null;
}

/** Holds the registered PictureSource; without one (content not loaded) every picture id is null. */
@Injectable()
export class ProfilePicturesQuery {
  private source: PictureSource | undefined;

  register(source: PictureSource): void {
    this.source = source;
  }

  /** Users of the tenant → the content id of their picture (one question for any number of users). */
  async pictureIds(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.source && userIds.length > 0 ? this.source.pictureIds(tenantId, [...new Set(userIds)]) : new Map();
  }

  /** Tenant views with `logoId` the content id of their logo (one question for any number of tenants). */
  async withLogos<T extends { readonly id: string; readonly logoId: string | null }>(tenants: readonly T[]): Promise<T[]> {
    if (!this.source || tenants.length === 0) return tenants.map((t) => ({ ...t, logoId: null }));
    const logos = await this.source.logoIds([...new Set(tenants.map((t) => t.id))]);
    return tenants.map((t) => ({ ...t, logoId: logos.get(t.id) ?? null }));
  }

  async of(tenantId: string, userId: string): Promise<ProfilePictures> {
    if (!this.source) return { pictureId: null, tenantPictureId: null };
    const [pictures, logo] = await Promise.all([this.source.pictureIds(tenantId, [userId]), this.source.logoId(tenantId)]);
    return { pictureId: pictures.get(userId) ?? null, tenantPictureId: logo };
  }
}
