import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { MembershipView } from '../../application/groups/group.view.js';
import type { MembershipRole } from '../../domain/group-rules.js';

export class ListRoleMembershipsParams {
  @ApiPropertyOptional({ description: 'Role id (the id of a system group). When both roleId and roleName are given, only roleId is used.', type: String, example: '1002' })
  @Allow()
  roleId?: unknown;

  @ApiPropertyOptional({ description: 'Role name (a system group\'s title), compared case-insensitively.', type: String, maxLength: 255, example: 'Auditors' })
  @Allow()
  roleName?: unknown;
}

const ROLES: readonly MembershipRole[] = ['LEADER', 'STAFF'];

export class MembershipEntryDto {
  @ApiProperty({ example: 1001 })
  quserId: number;

  @ApiProperty({ description: 'The group the membership is in: for RoleMembership/list, the role\'s system group (equal to roleId).', example: 1002 })
  qgroupId: number;

  @ApiProperty({ enum: ROLES, description: 'The member\'s position in the group, LEADER or STAFF (default STAFF).', example: 'STAFF' })
  role: MembershipRole;
}

export class MembershipListResponseDto {
  @ApiProperty({ type: [MembershipEntryDto], description: 'Sorted by quserId, then qgroupId, ascending.' })
  memberships: MembershipEntryDto[];
}

export function toMembershipEntry(m: MembershipView): MembershipEntryDto {
  return { quserId: Number(m.memberId), qgroupId: Number(m.groupId), role: m.role };
}
