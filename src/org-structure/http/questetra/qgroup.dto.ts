import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIntegerParam } from '../../../../libs/dialects/questetra-params.decorator.js';
import type { GroupView } from '../../application/groups/group.view.js';

/** Qgroup/list pages at most this many organizations per call (ListGroups' own maximum); Questetra documents none. */
export const QGROUP_LIST_MAX_LIMIT = 1000;

export class ListQgroupsParams {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the organization name.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  query?: string;

  @ApiPropertyOptional({ description: 'Zero-based offset of the first organization. Default 0.', type: String, example: '0' })
  @IsOptional()
  @IsIntegerParam(0, Number.MAX_SAFE_INTEGER)
  start?: string | number;

  @ApiPropertyOptional({
    description: `Maximum number of organizations to answer: 0 to ${QGROUP_LIST_MAX_LIMIT}. Default 1, as Questetra documents.`,
    type: String,
    example: '50',
  })
  @IsOptional()
  @IsIntegerParam(0, QGROUP_LIST_MAX_LIMIT)
  limit?: string | number;
}

export class FindQgroupParams {
  @ApiPropertyOptional({ description: 'Organization id. When both id and name are given, only id is used.', type: String, example: '1001' })
  @Allow()
  id?: unknown;

  @ApiPropertyOptional({ description: 'Organization name, compared case-insensitively (names are unique that way).', type: String, maxLength: 255, example: 'Sales' })
  @Allow()
  name?: unknown;
}

export class QgroupEntryDto {
  @ApiProperty({ example: 1001 })
  id: number;

  @ApiProperty({ description: 'The group title.', example: 'Sales' })
  name: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: Meridian\'s groups have no e-mail address (Questetra organizations may have one).',
    example: null,
  })
  email: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Id of the parent organization (the functional parent group); null at the top of the tree.',
    example: null,
  })
  parentQgroupId: number | null;
}

export class QgroupResponseDto {
  @ApiProperty({ type: QgroupEntryDto })
  qgroup: QgroupEntryDto;
}

export class QgroupListResponseDto {
  @ApiProperty({ description: 'How many organizations match (before start and limit apply). Not in the seed document.', example: 1 })
  count: number;

  @ApiProperty({ type: [QgroupEntryDto], description: 'Sorted by id ascending.' })
  qgroups: QgroupEntryDto[];
}

export function toQgroupEntry(group: GroupView): QgroupEntryDto {
  return { id: Number(group.id), name: group.title, email: null, parentQgroupId: group.parentId === null ? null : Number(group.parentId) };
}
