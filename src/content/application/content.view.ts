import type { IdentityApi } from '../../identity/index.js';
import type { ContentItem } from '../domain/content-item.js';

/** The aps light user of `createdBy`; a deleted creator keeps the id with null names. */
export interface ContentCreatorView {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  /** The content id of the creator's picture (content.pictures), null without one. */
  readonly pictureId: string | null;
}

export interface ContentView {
  readonly item: ContentItem;
  readonly createdBy: ContentCreatorView;
}

/** Items with their creators, read in one call. */
export async function withCreators(identity: IdentityApi, tenantId: string, items: readonly ContentItem[]): Promise<ContentView[]> {
  const creators = items.map((i) => i.createdBy);
  const [people, pictures] = await Promise.all([identity.userSummariesById(tenantId, creators), identity.pictureIds(tenantId, creators)]);
  return items.map((item) => {
    const u = people.get(item.createdBy);
    return {
      item,
      createdBy: { id: item.createdBy, firstName: u?.firstName ?? null, lastName: u?.lastName ?? null, email: u?.email ?? null, pictureId: pictures.get(item.createdBy) ?? null },
    };
  });
}
