import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { CreateUser } from '../../application/users/create-user.use-case.js';
import { DeleteUser } from '../../application/users/delete-user.use-case.js';
import { GetUser } from '../../application/users/get-user.query.js';
import { ListUsers } from '../../application/users/list-users.query.js';
import { UpdateUser } from '../../application/users/update-user.use-case.js';
import { UserOrgInfoQuery } from '../../application/users/user-org-info.query.js';
import type { UserView } from '../../application/users/user.view.js';
import type { Principal } from '../../domain/principal.js';
import type { UserProfileFields } from '../../infrastructure/user.entity.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { Pm3ErrorWordingInterceptor } from './pm3-error-wording.interceptor.js';
import { Pm3ListQueryDto } from '../../../../libs/dialects/pm3-paging.dto.js';
import { Pm3IdPipe, Pm3WorkspacePipe } from './pm3-params.pipe.js';
import { fromPm3Status, type Pm3User, toPm3User } from './pm3-user.mapper.js';
import { Pm3CreateUserDto, Pm3UpdateUserDto, Pm3UserResponse } from './pm3-users.dto.js';

type ProfileDto = Pick<
  Pm3UpdateUserDto,
  'usr_address' | 'usr_zip_code' | 'usr_country' | 'usr_city' | 'usr_location' | 'usr_phone' | 'usr_fax' | 'usr_cellular' | 'usr_position' | 'usr_birthday' | 'usr_calendar'
>;

function profileOf(dto: ProfileDto): UserProfileFields {
  const fields: Record<string, string | undefined> = {
    address: dto.usr_address,
    zipCode: dto.usr_zip_code,
    country: dto.usr_country?.toUpperCase(),
    city: dto.usr_city?.toUpperCase(),
    location: dto.usr_location?.toUpperCase(),
    phone: dto.usr_phone,
    fax: dto.usr_fax,
    cellular: dto.usr_cellular,
    position: dto.usr_position,
    birthday: dto.usr_birthday,
    calendar: dto.usr_calendar,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function replacedBy(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  return raw === '' ? null : pm3Id.decode(raw, 'usr_replaced_by');
}

@ApiTags('pm3 identity: users')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(Pm3ErrorWordingInterceptor)
@Controller('api/1.0/:workspace')
export class Pm3UsersController {
  constructor(
    private readonly listUsers: ListUsers,
    private readonly getUser: GetUser,
    private readonly createUser: CreateUser,
    private readonly updateUser: UpdateUser,
    private readonly deleteUser: DeleteUser,
    private readonly orgInfo: UserOrgInfoQuery,
  ) {}

  /** dep_uid and usr_reports_to of every user in one question to org-structure. */
  private async toPm3Users(users: readonly UserView[]): Promise<Pm3User[]> {
    if (users.length === 0) return [];
    const org = await this.orgInfo.of(users[0]!.tenantId, users.map((u) => u.id));
    return users.map((u) => toPm3User(u, org(u.id)));
  }

  private async toPm3One(user: UserView): Promise<Pm3User> {
    return (await this.toPm3Users([user]))[0]!;
  }

  @Get('users')
  @ApiOperation({
    summary: 'List the users of the workspace',
    description:
      'All users that are not deleted, INACTIVE and VACATION included, in the order they were created (index 0 is the admin). ' +
      '`filter` matches first name, last name or username, case-insensitively. Without `limit` at most 1000 users are returned. ' +
      'Needs PM_USERS (or tenant administration).',
  })
  @ApiOkResponse({ type: [Pm3UserResponse] })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Query() query: Pm3ListQueryDto,
  ): Promise<Pm3User[]> {
    const page = await this.listUsers.execute({
      actor,
      tenantId,
      purpose: 'administration',
      text: query.filter ? { value: query.filter, fields: ['firstName', 'lastName', 'username'] } : undefined,
      sort: { field: 'id', direction: 'asc' },
      offset: query.start,
      limit: query.limit ?? 1000,
    });
    return this.toPm3Users(page.items);
  }

  @Get('user/:usr_uid')
  @ApiOperation({
    summary: 'Get a user',
    description: 'Any signed-in user may read their own record; other users need PM_USERS. `usr_password` is always "" (the hash is never shown).',
  })
  @ApiOkResponse({ type: Pm3UserResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('usr_uid', new Pm3IdPipe('usr_uid')) userId: string,
  ): Promise<Pm3User> {
    return this.toPm3One(await this.getUser.execute({ actor, tenantId, userId, purpose: 'administration' }));
  }

  @Post('user')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a user',
    description:
      'Answers 200 (not 201), as ProcessMaker 3 does. usr_username, usr_firstname, usr_lastname, usr_email, usr_due_date, usr_status, ' +
      'usr_role, usr_new_pass and usr_cnf_pass are required. usr_fax, usr_cellular and usr_birthday, documented for PUT only, are accepted too.',
  })
  @ApiOkResponse({ type: Pm3UserResponse })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Body() dto: Pm3CreateUserDto,
  ): Promise<Pm3User> {
    const user = await this.createUser.execute({
      actor,
      tenantId,
      username: dto.usr_username,
      firstName: dto.usr_firstname,
      lastName: dto.usr_lastname,
      email: dto.usr_email,
      dueDate: dto.usr_due_date,
      status: fromPm3Status(dto.usr_status),
      role: dto.usr_role,
      password: dto.usr_new_pass,
      replacedBy: replacedBy(dto.usr_replaced_by) ?? null,
      profile: profileOf(dto),
    });
    return this.toPm3One(user);
  }

  @Put('user/:usr_uid')
  @ApiOperation({
    summary: 'Update a user',
    description:
      'Only the fields sent change (form-encoded or JSON). A new password needs usr_cnf_pass; changing the password or the status ' +
      'invalidates the user\'s cached Basic credentials at once. "" clears usr_due_date, usr_birthday and usr_replaced_by. ' +
      'The role of the admin user cannot change.',
  })
  @ApiOkResponse({ type: Pm3UserResponse })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('usr_uid', new Pm3IdPipe('usr_uid')) userId: string,
    @Body() dto: Pm3UpdateUserDto,
  ): Promise<Pm3User> {
    const profile = profileOf(dto);
    const user = await this.updateUser.execute({
      actor,
      tenantId,
      userId,
      username: dto.usr_username,
      firstName: dto.usr_firstname,
      lastName: dto.usr_lastname,
      email: dto.usr_email,
      dueDate: dto.usr_due_date === undefined ? undefined : dto.usr_due_date === '' ? null : dto.usr_due_date,
      status: dto.usr_status === undefined ? undefined : fromPm3Status(dto.usr_status),
      role: dto.usr_role,
      password: dto.usr_new_pass,
      replacedBy: replacedBy(dto.usr_replaced_by),
      profile: Object.keys(profile).length > 0 ? profile : undefined,
    });
    return this.toPm3One(user);
  }

  @Delete('user/:usr_uid')
  @ApiOperation({
    summary: 'Delete a user',
    description:
      'A soft delete: the row stays for history, the user disappears from lists, cannot sign in, and a GET answers 400 "... does not exist". ' +
      'The admin user and the caller themself cannot be deleted. 200 with no body.',
  })
  @ApiOkResponse({ description: 'Empty body; the user is deleted.' })
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', Pm3WorkspacePipe) tenantId: string,
    @Param('usr_uid', new Pm3IdPipe('usr_uid')) userId: string,
  ): Promise<void> {
    await this.deleteUser.execute({ actor, tenantId, userId });
  }
}
