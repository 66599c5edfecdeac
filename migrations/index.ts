import { IdentityCore1763800000000 } from './1763800000000-identity-core.js';
import { PlatformOutbox1763800000100 } from './1763800000100-platform-outbox.js';
import { IdentityOauth1763800000200 } from './1763800000200-identity-oauth.js';
import { AdminRoleNotTenantManager1763800000600 } from './1763800000600-admin-role-not-tenant-manager.js';
import { IdentityGrantEpoch1763800000700 } from './1763800000700-identity-grant-epoch.js';
import { IdentityAuthNotify1763800000800 } from './1763800000800-identity-auth-notify.js';
import { OauthCodeReuse1763800000900 } from './1763800000900-oauth-code-reuse.js';
import { OauthClientTokenCutoff1763800001000 } from './1763800001000-oauth-client-token-cutoff.js';
import { OrgGroups1763801000000 } from './1763801000000-org-groups.js';
import { OrgDepartments1763801000100 } from './1763801000100-org-departments.js';
import { IdentityUserSearchTrgm1763801000200 } from './1763801000200-identity-user-search-trgm.js';
import { OrgNotify1763801000300 } from './1763801000300-org-notify.js';
import { ProcessEngine1763802000000 } from './1763802000000-process-engine.js';
import { EngineDefinitionDiagram1763802100000 } from './1763802100000-engine-definition-diagram.js';
import { EngineRuntimeIndexes1763802100100 } from './1763802100100-engine-runtime-indexes.js';
import { EngineModelsPublications1763802500000 } from './1763802500000-engine-models-publications.js';
import { EngineDefinitionsNotify1763802600000 } from './1763802600000-engine-definitions-notify.js';
import { OrgGroupsNotify1763802600100 } from './1763802600100-org-groups-notify.js';
import { FormsCore1763803000000 } from './1763803000000-forms-core.js';
import { FormsDataTables1763803100000 } from './1763803100000-forms-data-tables.js';
import { ContentItems1763803200000 } from './1763803200000-content-items.js';
import { ContentPictures1763803250000 } from './1763803250000-content-pictures.js';
import { EngineTaskFormModel1763803300000 } from './1763803300000-engine-task-form-model.js';

/** Every migration, in order: one timeline for the whole database. Append new ones at the end. */
export const migrations = [
  IdentityCore1763800000000,
  PlatformOutbox1763800000100,
  IdentityOauth1763800000200,
  AdminRoleNotTenantManager1763800000600,
  IdentityGrantEpoch1763800000700,
  IdentityAuthNotify1763800000800,
  OauthCodeReuse1763800000900,
  OauthClientTokenCutoff1763800001000,
  OrgGroups1763801000000,
  OrgDepartments1763801000100,
  IdentityUserSearchTrgm1763801000200,
  OrgNotify1763801000300,
  ProcessEngine1763802000000,
  EngineDefinitionDiagram1763802100000,
  EngineRuntimeIndexes1763802100100,
  EngineModelsPublications1763802500000,
  EngineDefinitionsNotify1763802600000,
  OrgGroupsNotify1763802600100,
  FormsCore1763803000000,
  FormsDataTables1763803100000,
  ContentItems1763803200000,
  ContentPictures1763803250000,
  EngineTaskFormModel1763803300000,
];
