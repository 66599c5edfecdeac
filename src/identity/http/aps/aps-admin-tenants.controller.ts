import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { ApsTenantPageResponse, ApsTenantResponse } from './aps-identity-response.dto.js';
import { apsOffset, type ApsPage, apsPage } from '../../../../libs/dialects/aps-paging.js';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { CreateTenant } from '../../application/tenants/create-tenant.use-case.js';
import { DeleteTenant } from '../../application/tenants/delete-tenant.use-case.js';
import { GetTenant } from '../../application/tenants/get-tenant.query.js';
import { ListTenants } from '../../application/tenants/list-tenants.query.js';
import { UpdateTenant } from '../../application/tenants/update-tenant.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { ApsCreateTenantDto, ApsUpdateTenantDto } from './aps-identity.dto.js';
import { type ApsTenant, toApsTenant } from './aps-identity.mapper.js';
import { APS_ENTERPRISE, ApsAuth } from './aps-swagger.js';

/** Seed 004 "Identity Management › Tenants". */
@ApiTags('identity')
@ApsAuth()
@Controller(`${APS_ENTERPRISE}/admin/tenants`)
export class ApsAdminTenantsController {
  constructor(
    private readonly listTenants: ListTenants,
    private readonly getTenant: GetTenant,
    private readonly createTenant: CreateTenant,
    private readonly updateTenant: UpdateTenant,
    private readonly deleteTenant: DeleteTenant,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'All tenants',
    description: 'Tenant managers only (403 otherwise). The document gives no shape: the aps list envelope {size,total,start,data}, ordered by id.',
  })
  @ApiOkResponse({ type: ApsTenantPageResponse })
  @ApiApsErrors(400, 403)
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsPagingQueryDto): Promise<ApsPage<ApsTenant>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.listTenants.execute({ actor, offset, limit });
    return apsPage(offset, page.total, page.items.map(toApsTenant));
  }

  @Get(':tenantId')
  @ApiOperation({ summary: 'Tenant details', description: 'Tenant managers: any tenant; tenant admins: their own (403 for others). Unknown id 404.' })
  @ApiOkResponse({ type: ApsTenantResponse })
  @ApiApsErrors(400, 403, 404)
  async get(@CurrentPrincipal() actor: Principal, @Param('tenantId') tenantId: string): Promise<ApsTenant> {
    return toApsTenant(await this.getTenant.execute({ actor, tenantId: parseNumericId(tenantId, 'tenantId') }));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a tenant',
    description:
      'Tenant managers only. Body name (unique, 409 when taken), active (default true), domain, maxUsers. The tenant\'s key (its ProcessMaker ' +
      'workspace name, shown as `key`) is derived from the name: lower-case ASCII letters and digits joined by "-" (at most 50), with -2, -3 … ' +
      'appended when taken. Answers the created tenant.',
  })
  @ApiOkResponse({ type: ApsTenantResponse })
  @ApiApsErrors(400, 403, 409)
  async create(@CurrentPrincipal() actor: Principal, @Body() body: ApsCreateTenantDto): Promise<ApsTenant> {
    return toApsTenant(await this.createTenant.execute({ actor, name: body.name, active: body.active, domain: body.domain, maxUsers: body.maxUsers }));
  }

  @Put(':tenantId')
  @ApiOperation({
    summary: 'Update a tenant',
    description:
      'Tenant managers: any tenant; tenant admins: their own, name and domain only (changing active or maxUsers is 403). Only the fields sent change. ' +
      'Answers the updated tenant.',
  })
  @ApiOkResponse({ type: ApsTenantResponse })
  @ApiApsErrors(400, 403, 404, 409)
  async update(@CurrentPrincipal() actor: Principal, @Param('tenantId') tenantId: string, @Body() body: ApsUpdateTenantDto): Promise<ApsTenant> {
    return toApsTenant(await this.updateTenant.execute({ actor, tenantId: parseNumericId(tenantId, 'tenantId'), ...body }));
  }

  @Delete(':tenantId')
  @ApiOperation({
    summary: 'Delete a tenant',
    description:
      'Tenant managers only. Only an empty tenant: one that has or had users answers 409 (move them first); the default tenant (1) answers 400. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the tenant is deleted.' })
  @ApiApsErrors(400, 403, 404, 409)
  async remove(@CurrentPrincipal() actor: Principal, @Param('tenantId') tenantId: string): Promise<void> {
    await this.deleteTenant.execute({ actor, tenantId: parseNumericId(tenantId, 'tenantId') });
  }
}
