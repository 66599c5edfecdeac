import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { ApsLightUserPageResponse, ApsUserResponse } from './aps-identity-response.dto.js';
import { apsOffset, type ApsPage, apsPage } from '../../../../libs/dialects/aps-paging.js';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { GetUser } from '../../application/users/get-user.query.js';
import { ListUsers } from '../../application/users/list-users.query.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { ApsUserPickerQueryDto } from './aps-identity.dto.js';
import { type ApsLightUser, type ApsUser, toApsLightUser, toApsUser } from './aps-identity.mapper.js';
import { APS_ENTERPRISE, ApsAuth } from './aps-swagger.js';

/** The people picker of seed 004 "User and Group lists": any signed-in user, their own tenant. */
@ApiTags('identity')
@ApsAuth()
@Controller(APS_ENTERPRISE)
export class ApsUsersController {
  constructor(
    private readonly listUsers: ListUsers,
    private readonly getUser: GetUser,
  ) {}

  @Get('users')
  @ApiOperation({
    summary: 'Users for pickers',
    description:
      'Any signed-in user; the caller\'s tenant only. `filter` is a case-insensitive substring of first name, last name or e-mail. ' +
      '`excludeTaskId` and `excludeProcessId` are accepted and ignored until the process engine exists. Items are {id, firstName, lastName, email}, ' +
      'ordered by id; paging by `start` (offset) or `page` (page number, wins), `size` default 25.',
  })
  @ApiOkResponse({ type: ApsLightUserPageResponse })
  @ApiApsErrors(400)
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsUserPickerQueryDto): Promise<ApsPage<ApsLightUser>> {
    const { offset, limit } = apsOffset(q);
    const externalId =
      q.externalId !== undefined
        ? { value: q.externalId, caseInsensitive: false }
        : q.externalIdCaseInsensitive !== undefined
          ? { value: q.externalIdCaseInsensitive, caseInsensitive: true }
          : undefined;
    const page = await this.listUsers.execute({
      actor,
      purpose: 'directory',
      text: q.filter !== undefined ? { value: q.filter, fields: ['firstName', 'lastName', 'email'] } : undefined,
      email: q.email,
      externalId,
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map(toApsLightUser));
  }

  @Get('users/:userId')
  @ApiOperation({
    summary: 'One user of the caller\'s tenant',
    description: 'Any signed-in user. A malformed id answers 400, an unknown id (or a user of another tenant) 404.',
  })
  @ApiOkResponse({ type: ApsUserResponse })
  @ApiApsErrors(400, 404)
  async get(@CurrentPrincipal() actor: Principal, @Param('userId') userId: string): Promise<ApsUser> {
    const id = parseNumericId(userId, 'userId');
    return toApsUser(await this.getUser.execute({ actor, userId: id, purpose: 'directory' }));
  }
}
