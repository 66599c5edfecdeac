import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { ListGroupMembers } from '../../application/groups/list-group-members.query.js';
import { ListGroups } from '../../application/groups/list-groups.query.js';
import { ApsGroupPickerQueryDto, ApsGroupUsersPickerQueryDto } from './aps-groups.dto.js';
import { ApsGroupLightUserPageResponse, ApsLightGroupPageResponse } from './aps-groups-response.dto.js';
import { type ApsLightGroup, type ApsLightUser, toApsLightGroup, toApsLightUser } from './aps-groups.mapper.js';
import { APS_ENTERPRISE, ApsGroupAuth, ApsGroupErrorInterceptor, ApsIdPipe } from './aps-groups.support.js';

/** The group picker of seed 004 "User and Group lists": any signed-in user, their own tenant. */
@ApiTags('org-structure: groups')
@ApsGroupAuth()
@ApiApsErrors(400)
@UseInterceptors(ApsGroupErrorInterceptor)
@Controller(`${APS_ENTERPRISE}/groups`)
export class ApsGroupsController {
  constructor(
    private readonly listGroups: ListGroups,
    private readonly listMembers: ListGroupMembers,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Groups for pickers',
    description:
      'Any signed-in user; the caller\'s tenant only. Active functional groups (organizational units, the ones tasks are assigned to), by name: ' +
      'the document\'s example leaves the system group of its profile example out. `filter` is a case-insensitive substring of the name; ' +
      '`externalId` matches exactly, `externalIdCaseInsensitive` ignoring case (`externalId` wins when both are sent). Items are exactly ' +
      '{id, name, externalId}; paging by `start` (offset) or `page` (page number, wins), `size` default 25.',
  })
  @ApiOkResponse({ type: ApsLightGroupPageResponse })
  async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsGroupPickerQueryDto): Promise<ApsPage<ApsLightGroup>> {
    const { offset, limit } = apsOffset(q);
    const externalId = q.externalId ?? q.externalIdCaseInsensitive;
    const page = await this.listGroups.execute({
      actor,
      access: 'member',
      kind: 'functional',
      status: 'ACTIVE',
      title: q.filter,
      externalId,
      externalIdCaseInsensitive: q.externalId === undefined && q.externalIdCaseInsensitive !== undefined,
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map(toApsLightGroup));
  }

  @Get(':groupId/users')
  @ApiOperation({
    summary: 'Users of a group, for pickers',
    description:
      'Any signed-in user; groups of the caller\'s tenant (unknown: 404, malformed id: 400). The group\'s direct user members by user name, ' +
      'exactly {id, firstName, lastName, email}; `filter` matches first name, last name or user name. Paging by `start`/`page`/`size` as for groups.',
  })
  @ApiOkResponse({ type: ApsGroupLightUserPageResponse })
  @ApiApsErrors(404)
  async users(
    @CurrentPrincipal() actor: Principal,
    @Param('groupId', new ApsIdPipe('groupId')) groupId: string,
    @Query() q: ApsGroupUsersPickerQueryDto,
  ): Promise<ApsPage<ApsLightUser>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.listMembers.execute({ actor, access: 'member', groupId, filter: q.filter, offset, limit });
    return apsPage(offset, page.total, page.items.map(toApsLightUser));
  }
}
