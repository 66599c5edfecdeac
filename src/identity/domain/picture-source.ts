/**
 * Pictures and logos belong to content, which identity may not import: content implements
 * PictureSource and registers it through IdentityApi, so that the aps profile shows `pictureId`
 * and `tenantPictureId` (the content ids of the user's picture and of the tenant's logo).
 */
export interface PictureSource {
  /** Users of the tenant → the content id of their picture; users without one are left out. */
  pictureIds(tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The content id of the tenant's logo, or null. */
  logoId(tenantId: string): Promise<string | null>;
  /** Tenants → the content id of their logo; tenants without one are left out. */
  logoIds(tenantIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
