/** The identity context's only door. */
export { IdentityModule } from './identity.module.js';
export { IdentityApi } from './identity.api.js';
export type { UserSummary, UserSummaryCriteria } from './identity.api.js';
export type { UserStatus } from './domain/user-status.js';
export type { ProfileGroup, ProfileGroupsSource } from './domain/profile-groups.js';
export type { PictureSource } from './domain/picture-source.js';
export type { GrantSource } from './infrastructure/principal.loader.js';
export type { OrganizationMemberSource } from './domain/organization-member-source.js';
export type { Principal } from './domain/principal.js';
export { hasPermission, requirePermission } from './domain/principal.js';
export { Permission } from './domain/permissions.js';
export { CurrentPrincipal, Public } from './http/auth/auth.decorators.js';
export type { UserOrgInfo, UserOrgInfoSource } from './domain/user-org-info.js';
