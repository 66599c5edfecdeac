import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { ApsUserPageResponse, ApsUserResponse } from './aps-identity-response.dto.js';
import { apsOffset, type ApsPage, apsPage } from '../../../../libs/dialects/aps-paging.js';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { RequestValidationError } from '../../../../libs/dialects/request-validation.error.js';
import { type BulkUserChange, BulkUpdateUsers } from '../../application/users/bulk-update-users.use-case.js';
import { CreateUserWithEmailLogin } from '../../application/users/create-user-with-email-login.use-case.js';
import { GetUser } from '../../application/users/get-user.query.js';
import { ListUsers } from '../../application/users/list-users.query.js';
import { UpdateUserDetails } from '../../application/users/update-user-details.use-case.js';
import type { UserSortField } from '../../infrastructure/user.repository.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import {
  type ApsAdminUserSort,
  ApsAdminUserQueryDto,
  ApsBulkUpdateUsersDto,
  ApsCreateUserDto,
  ApsUpdateUserDto,
} from './aps-identity.dto.js';
import { type ApsUser, statusesForApsFilter, toApsUser } from './aps-identity.mapper.js';
import { APS_ENTERPRISE, ApsAuth } from './aps-swagger.js';

const SORTS: Record<ApsAdminUserSort, { field: UserSortField; direction: 'asc' | 'desc' }> = {
  createdAsc: { field: 'createdAt', direction: 'asc' },
  'created-asc': { field: 'createdAt', direction: 'asc' },
  createdDesc: { field: 'createdAt', direction: 'desc' },
  'created-desc': { field: 'createdAt', direction: 'desc' },
  emailAsc: { field: 'email', direction: 'asc' },
  'email-asc': { field: 'email', direction: 'asc' },
  emailDesc: { field: 'email', direction: 'desc' },
  'email-desc': { field: 'email', direction: 'desc' },
};

const ADMIN_ONLY = 'Tenant admins and tenant managers only (403 otherwise). ';

/** Seed 004 "Identity Management › Users". */
@ApiTags('identity')
@ApsAuth()
@Controller(`${APS_ENTERPRISE}/admin/users`)
export class ApsAdminUsersController {
  constructor(
    private readonly listUsers: ListUsers,
    private readonly getUser: GetUser,
    private readonly createUser: CreateUserWithEmailLogin,
    private readonly updateDetails: UpdateUserDetails,
    private readonly bulkUpdate: BulkUpdateUsers,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List users',
    description:
      ADMIN_ONLY +
      '`filter`: substring of user name (e-mail), first or last name. `status`: pending|inactive|active|deleted. `sort`: createdAsc (default)|createdDesc|' +
      'emailAsc|emailDesc (dashed forms accepted). `tenantId`: another tenant, tenant managers only. Paging by start/page/size (page wins). Full user objects.',
  })
  @ApiOkResponse({ type: ApsUserPageResponse })
  @ApiApsErrors(400, 403)
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsAdminUserQueryDto): Promise<ApsPage<ApsUser>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.listUsers.execute({
      actor,
      purpose: 'administration',
      tenantId: q.tenantId !== undefined ? String(q.tenantId) : undefined,
      text: q.filter !== undefined ? { value: q.filter, fields: ['username', 'email', 'firstName', 'lastName'] } : undefined,
      statuses: q.status !== undefined ? statusesForApsFilter(q.status) : undefined,
      sort: SORTS[q.sort ?? 'createdAsc'],
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map((u) => toApsUser(u)));
  }

  @Get(':userId')
  @ApiOperation({ summary: 'One user', description: ADMIN_ONLY + 'Users of the caller\'s tenant; malformed id 400, unknown id 404.' })
  @ApiOkResponse({ type: ApsUserResponse })
  @ApiApsErrors(400, 403, 404)
  async get(@CurrentPrincipal() actor: Principal, @Param('userId') userId: string): Promise<ApsUser> {
    return toApsUser(await this.getUser.execute({ actor, userId: parseNumericId(userId, 'userId'), purpose: 'administration' }));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a user',
    description:
      ADMIN_ONLY +
      'email, firstName, lastName and password are required; status (default active), type (default enterprise) and tenantId (default the caller\'s; ' +
      'another tenant needs a tenant manager) are optional although the document lists them as required. The user signs in with their e-mail ' +
      '(username = email). A used e-mail answers 409. Answers the created user.',
  })
  @ApiOkResponse({ type: ApsUserResponse })
  @ApiApsErrors(400, 403, 409)
  async create(@CurrentPrincipal() actor: Principal, @Body() body: ApsCreateUserDto): Promise<ApsUser> {
    return toApsUser(
      await this.createUser.execute({
        actor,
        email: body.email,
        password: body.password,
        firstName: body.firstName,
        lastName: body.lastName,
        status: body.status,
        tenantId: body.tenantId !== undefined ? String(body.tenantId) : undefined,
        company: body.company,
        externalId: body.externalId,
        accountType: body.type,
      }),
    );
  }

  @Put(':userId')
  @ApiOperation({
    summary: 'Update user details',
    description:
      ADMIN_ONLY + 'email, firstName, lastName (and company, externalId); only the fields sent change. A used e-mail answers 409. Answers the updated user.',
  })
  @ApiOkResponse({ type: ApsUserResponse })
  @ApiApsErrors(400, 403, 404, 409)
  async update(@CurrentPrincipal() actor: Principal, @Param('userId') userId: string, @Body() body: ApsUpdateUserDto): Promise<ApsUser> {
    return toApsUser(await this.updateDetails.execute({ actor, userId: parseNumericId(userId, 'userId'), ...body }));
  }

  @Put()
  @ApiOperation({
    summary: 'Bulk update: password, status or tenant of many users',
    description:
      ADMIN_ONLY +
      '`users` (ids) plus exactly one of `password`, `status`, `tenantId` (tenantId: tenant managers only). All or nothing in one transaction: an ' +
      'unknown id answers 404 and changes nobody. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; every listed user is changed.' })
  @ApiApsErrors(400, 403, 404)
  async bulk(@CurrentPrincipal() actor: Principal, @Body() body: ApsBulkUpdateUsersDto): Promise<void> {
    await this.bulkUpdate.execute({ actor, userIds: body.users.map(String), change: bulkChange(body) });
  }
}

function bulkChange(body: ApsBulkUpdateUsersDto): BulkUserChange {
  const sent = (['password', 'status', 'tenantId'] as const).filter((f) => body[f] !== undefined && body[f] !== null);
  if (sent.length !== 1) {
    throw new RequestValidationError([
      {
        field: sent[1] ?? 'password',
        messages: ['exactly one of password, status or tenantId must be sent with users'],
      },
    ]);
  }
  if (body.password !== undefined) return { kind: 'password', password: body.password };
  if (body.status !== undefined) return { kind: 'status', status: body.status };
  return { kind: 'tenant', tenantId: String(body.tenantId) };
}
