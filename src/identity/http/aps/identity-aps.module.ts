import { Module } from '@nestjs/common';
import { ResolveImpersonation } from '../../application/impersonation/resolve-impersonation.query.js';
import { CreateTenant } from '../../application/tenants/create-tenant.use-case.js';
import { DeleteTenant } from '../../application/tenants/delete-tenant.use-case.js';
import { GetTenant } from '../../application/tenants/get-tenant.query.js';
import { ListTenants } from '../../application/tenants/list-tenants.query.js';
import { UpdateTenant } from '../../application/tenants/update-tenant.use-case.js';
import { BulkUpdateUsers } from '../../application/users/bulk-update-users.use-case.js';
import { CreateUserWithEmailLogin } from '../../application/users/create-user-with-email-login.use-case.js';
import { UpdateOwnProfile } from '../../application/users/update-own-profile.use-case.js';
import { UpdateUserDetails } from '../../application/users/update-user-details.use-case.js';
import { IdentityCoreModule } from '../../identity-core.module.js';
import { TenantRepository } from '../../infrastructure/tenant.repository.js';
import { ApsAdminTenantsController } from './aps-admin-tenants.controller.js';
import { ApsAdminUsersController } from './aps-admin-users.controller.js';
import { ApsAuthenticationController } from './aps-authentication.controller.js';
import { ApsImpersonation } from './aps-impersonation.js';
import { ApsProfileController } from './aps-profile.controller.js';
import { ApsUsersController } from './aps-users.controller.js';

/** Identity endpoints of the aps dialect: controllers here, shared use cases from IdentityCoreModule. */
@Module({
  imports: [IdentityCoreModule],
  controllers: [ApsAuthenticationController, ApsProfileController, ApsUsersController, ApsAdminUsersController, ApsAdminTenantsController],
  providers: [
    TenantRepository,
    ListTenants,
    GetTenant,
    CreateTenant,
    UpdateTenant,
    DeleteTenant,
    UpdateOwnProfile,
    UpdateUserDetails,
    CreateUserWithEmailLogin,
    BulkUpdateUsers,
    ResolveImpersonation,
    // Run by the authentication guard for every authenticated request; it acts only on /activiti-app/
    // paths that carry the impersonation headers.
    ApsImpersonation,
  ],
  exports: [ApsImpersonation],
})
export class IdentityApsModule {}
