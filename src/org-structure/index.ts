/** The org-structure context's only door. */
export { OrgStructureModule } from './org-structure.module.js';
export { OrgStructureApi } from './org-structure.api.js';
