import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { pm4Date } from '../../../../libs/dialects/dates.js';
import { parseNumericId, tryParseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiPm4Errors } from '../../../../libs/dialects/openapi-errors.js';
import { type Pm4List, pm4List, pm4Offset, Pm4Path } from '../../../../libs/dialects/pm4-paging.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { GetUser } from '../../application/users/get-user.query.js';
import { ListUsers } from '../../application/users/list-users.query.js';
import { USER_ADMIN } from '../../application/users/user-admin.js';
import type { UserView } from '../../application/users/user.view.js';
import type { Principal } from '../../domain/principal.js';
import type { UserStatus } from '../../domain/user-status.js';
import type { UserSortField } from '../../infrastructure/user.repository.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { type Pm4UserStatus, Pm4UserListQueryDto, Pm4UserListResponse, Pm4UserResponse } from './pm4-users.dto.js';

const SORT: Record<string, UserSortField> = {
  id: 'id',
  username: 'username',
  firstname: 'firstName',
  lastname: 'lastName',
  email: 'email',
  status: 'status',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
};

const STATUSES: Record<Pm4UserStatus, UserStatus[]> = { ACTIVE: ['active'], INACTIVE: ['inactive', 'pending'], OUT_OF_OFFICE: ['vacation'] };

function toPm4Status(status: UserStatus): Pm4UserStatus {
  return status === 'active' ? 'ACTIVE' : status === 'vacation' ? 'OUT_OF_OFFICE' : 'INACTIVE';
}

function toPm4User(u: UserView): Pm4UserResponse {
  const fullname = `${u.firstName} ${u.lastName}`.trim();
  return {
    id: Number(u.id),
    username: u.username,
    email: u.email,
    firstname: u.firstName,
    lastname: u.lastName,
    fullname: fullname === '' ? u.username : fullname,
    status: toPm4Status(u.status),
    is_administrator: USER_ADMIN.some((p) => u.permissions.includes(p)),
    created_at: pm4Date(u.createdAt)!,
    updated_at: pm4Date(u.updatedAt)!,
  };
}

const notFound = (id: unknown): DomainError =>
  DomainError.notFound('IDENTITY.USER_NOT_FOUND', `No query results for model [ProcessMaker\\Models\\User] ${String(id)}`, { value: id });

function excludeIds(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return raw.split(',').map((s) => parseNumericId(s.trim(), 'exclude_ids'));
  } catch {
    throw DomainError.validation('REQUEST.INVALID', 'The exclude ids must be a comma-separated list of integers.', { field: 'exclude_ids', value: raw });
  }
}

@ApiTags('pm4 identity: users')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm4Errors(401, 403)
@Controller('api/1.0/users')
export class Pm4UsersController {
  constructor(
    private readonly listUsers: ListUsers,
    private readonly getUser: GetUser,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Returns all users',
    description:
      'The users of the tenant that are not deleted, so that ids for group_members can be found. `filter` matches username, first name, ' +
      'last name or e-mail, case-insensitively; `status` narrows; `exclude_ids` leaves ids out. Ordered by `order_by` (default username) and ' +
      '`order_direction` (default asc). Paged with `page` (1-based) and `per_page` (default 10, at most 1000). Only the fields needed to ' +
      'recognise a user are served. Needs user administration (PM_USERS or tenant administration); other users get 403.',
  })
  @ApiOkResponse({ type: Pm4UserListResponse })
  @ApiPm4Errors(422)
  async list(@CurrentPrincipal() actor: Principal, @Query() query: Pm4UserListQueryDto, @Pm4Path() path: string): Promise<Pm4List<Pm4UserResponse>> {
    const { offset, limit, page } = pm4Offset(query);
    const orderBy = query.order_by ?? 'username';
    const direction = query.order_direction?.toLowerCase() === 'desc' ? 'desc' : 'asc';
    const found = await this.listUsers.execute({
      actor,
      purpose: 'administration',
      text: query.filter ? { value: query.filter, fields: ['username', 'firstName', 'lastName', 'email'] } : undefined,
      statuses: query.status ? STATUSES[query.status] : undefined,
      excludeIds: excludeIds(query.exclude_ids),
      sort: { field: SORT[orderBy]!, direction },
      offset,
      limit,
    });
    return pm4List(found.items.map(toPm4User), found.total, { page, limit, path, filter: query.filter, sortBy: orderBy, sortOrder: direction });
  }

  @Get(':user_id')
  @ApiOperation({
    summary: 'Get single user by ID',
    description: 'Any signed-in user may read their own record; other users need user administration (403). Unknown, deleted or malformed id: 404.',
  })
  @ApiParam({ name: 'user_id', description: 'ID of the user', schema: { type: 'integer' } })
  @ApiOkResponse({ type: Pm4UserResponse })
  @ApiPm4Errors(404)
  async get(@CurrentPrincipal() actor: Principal, @Param('user_id') raw: string): Promise<Pm4UserResponse> {
    const userId = tryParseNumericId(raw);
    if (userId === undefined) throw notFound(raw);
    try {
      return toPm4User(await this.getUser.execute({ actor, userId, purpose: 'administration' }));
    } catch (e) {
      throw e instanceof DomainError && e.code === 'IDENTITY.USER_NOT_FOUND' ? notFound(userId) : e;
    }
  }
}
