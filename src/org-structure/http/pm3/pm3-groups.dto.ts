import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Pm3ListQueryDto } from '../../../../libs/dialects/pm3-paging.dto.js';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const STATUSES = ['ACTIVE', 'INACTIVE'] as const;
/** Like @IsOptional(), but an explicit null is validated (and rejected). */
const Absentable = (): PropertyDecorator => ValidateIf((_o: object, v: unknown) => v !== undefined);

/** The pm3 list query (filter, start, limit), shared by every ProcessMaker 3 list. */
export class Pm3GroupListQueryDto extends Pm3ListQueryDto {}

export class Pm3CreateGroupDto {
  @ApiProperty({ maxLength: 255, example: 'Accounting' })
  @IsString() @IsNotEmpty() @MaxLength(255)
  grp_title: string;

  @ApiPropertyOptional({ enum: STATUSES, default: 'ACTIVE' })
  @Absentable() @IsIn(STATUSES)
  grp_status?: 'ACTIVE' | 'INACTIVE';
}

export class Pm3UpdateGroupDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @IsNotEmpty() @MaxLength(255)
  grp_title?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'INACTIVE: members are not assigned to the group\'s tasks' })
  @Absentable() @IsIn(STATUSES)
  grp_status?: 'ACTIVE' | 'INACTIVE';
}

export class Pm3AssignGroupUserDto {
  @ApiProperty({ description: 'usr_uid of the user (32 characters). Other usr_* fields are accepted and ignored.', maxLength: 32 })
  @IsString() @IsNotEmpty() @MaxLength(32)
  usr_uid: string;

  // Documented as accepted and ignored: declared so that the whitelist does not refuse them.
  @ApiPropertyOptional({ description: 'Ignored' }) @IsOptional() usr_username?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @IsOptional() usr_firstname?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @IsOptional() usr_lastname?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @IsOptional() usr_email?: unknown;
  @ApiPropertyOptional({ description: 'Ignored' }) @IsOptional() usr_status?: unknown;
}

export class Pm3GroupResponse {
  @ApiProperty({ example: '00000000000000000000000000000007' }) grp_uid: string;
  @ApiProperty({ example: 'European Sales' }) grp_title: string;
  @ApiProperty({ enum: STATUSES }) grp_status: 'ACTIVE' | 'INACTIVE';
  @ApiProperty({ description: 'Direct user members, INACTIVE and VACATION users included' }) grp_users: number;
  @ApiProperty({ description: 'Tasks the group is assigned to (0 until the engine assigns tasks to groups)' }) grp_tasks: number;
}

export class Pm3CreatedGroupResponse {
  @ApiProperty({ example: '00000000000000000000000000000007' }) grp_uid: string;
  @ApiProperty({ example: 'Accounting' }) grp_title: string;
  @ApiProperty({ enum: STATUSES }) grp_status: 'ACTIVE' | 'INACTIVE';
}

export class Pm3GroupUserResponse {
  @ApiProperty({ example: '00000000000000000000000000000001' }) usr_uid: string;
  @ApiProperty() usr_username: string;
  @ApiProperty() usr_firstname: string;
  @ApiProperty() usr_lastname: string;
  @ApiProperty() usr_email: string;
  @ApiProperty({ enum: ['ACTIVE', 'INACTIVE', 'VACATION'] }) usr_status: 'ACTIVE' | 'INACTIVE' | 'VACATION';
}
