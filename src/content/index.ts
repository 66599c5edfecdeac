/** The content context's only door. */
export { ContentModule } from './content.module.js';
export { ContentApi } from './content.api.js';
export type { ContentAccess, ContentOwner, ContentOwnerPolicy, ContentSummary } from './content.api.js';
