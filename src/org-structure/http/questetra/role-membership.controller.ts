import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiQuestetraErrors } from '../../../../libs/dialects/openapi-errors.js';
import { QuestetraGetParams, QuestetraPostParams } from '../../../../libs/dialects/questetra-endpoint.decorator.js';
import { QuestetraParams } from '../../../../libs/dialects/questetra-params.decorator.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import type { MembershipView } from '../../application/groups/group.view.js';
import { ListGroupMemberships } from '../../application/groups/list-group-memberships.query.js';
import { ListRoleMembershipsParams, MembershipListResponseDto, toMembershipEntry } from './role-membership.dto.js';
import { keyRequired, optionalId, optionalName, QROLE_KIND, QuestetraGroupLookup } from './questetra-groups.support.js';

const PARAMS = [
  { name: 'roleId', description: 'Role id (a system group\'s id); wins over roleName.' },
  { name: 'roleName', description: 'Role name (a system group\'s title, case-insensitive).' },
];

const DESCRIPTION =
  'The users who hold a role (seed 000: "Retrieve a list of users belonging to a specified role"). A Questetra role is a ' +
  'flat set of users that privileges are granted to (Admin/ProcessAuthority/addToQrole), which is what Meridian\'s ' +
  'system groups are: they never nest and their capabilities become their members\' permissions. So `roleId` is a system ' +
  'group\'s id and `roleName` its title; functional groups are organizations (Qgroup/list), not roles, and LEADER/STAFF ' +
  'is the position of a member inside a group (MembershipEntry.role), not a role of its own. Answers every member (no ' +
  'paging is documented), each as MembershipEntry {quserId, qgroupId = the role\'s group id, role}, sorted by quserId, ' +
  'then qgroupId, ascending; an INACTIVE system group still lists its members. Any signed-in user of the tenant may ' +
  'call it, like the other /API/User/ operations. When both parameters are given only roleId is used. Neither → ' +
  'Validation naming roleId; malformed roleId → InvalidId; a roleName that is not text or longer than 255 characters → ' +
  'InvalidName; no such role → QroleDoesNotExist (not in the seeds; named after QgroupDoesNotExist), each naming the ' +
  'parameter. The response key `memberships` follows Meridian\'s design (design.md §8).';

/** Questetra's RoleMembership/list (seed 000), GET and POST alike. */
@ApiTags('org-structure')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiQuestetraErrors(400, 401)
@Controller('API/User/RoleMembership')
export class RoleMembershipController {
  constructor(
    private readonly lookup: QuestetraGroupLookup,
    private readonly listMemberships: ListGroupMemberships,
  ) {}

  @Get('list')
  @ApiOperation({ summary: 'List the members of a role', description: DESCRIPTION })
  @QuestetraGetParams(PARAMS)
  @ApiOkResponse({ type: MembershipListResponseDto })
  async listGet(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: ListRoleMembershipsParams): Promise<MembershipListResponseDto> {
    return this.list(actor, params);
  }

  @Post('list')
  @HttpCode(200)
  @ApiOperation({ summary: 'List the members of a role, POST form', description: DESCRIPTION })
  @QuestetraPostParams(ListRoleMembershipsParams)
  @ApiOkResponse({ type: MembershipListResponseDto })
  async listPost(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: ListRoleMembershipsParams): Promise<MembershipListResponseDto> {
    return this.list(actor, params);
  }

  private async list(actor: Principal, params: ListRoleMembershipsParams): Promise<MembershipListResponseDto> {
    const roleId = optionalId(params.roleId, 'roleId');
    let groupId: string;
    if (roleId !== undefined) groupId = (await this.lookup.byId(actor, roleId, QROLE_KIND, 'roleId')).id;
    else {
      const roleName = optionalName(params.roleName, 'roleName');
      if (roleName === undefined) throw keyRequired(['roleId', 'roleName']);
      groupId = (await this.lookup.byName(actor, roleName, QROLE_KIND, 'roleName')).id;
    }
    const rows = await this.allMemberships(actor, groupId);
    // System groups hold users only; the order is the document's, not the query's (by membership id).
    const memberships = rows.filter((m) => m.memberType === 'user').map(toMembershipEntry);
    memberships.sort((a, b) => a.quserId - b.quserId || a.qgroupId - b.qgroupId);
    return { memberships };
  }

  private async allMemberships(actor: Principal, groupId: string): Promise<MembershipView[]> {
    const pageSize = 1000;
    const rows: MembershipView[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.listMemberships.execute({ actor, access: 'member', groupId, offset, limit: pageSize });
      rows.push(...page.items);
      if (offset + pageSize >= page.total) return rows;
    }
  }
}
