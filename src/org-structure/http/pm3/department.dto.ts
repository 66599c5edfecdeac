import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DEPARTMENT_STATUSES, type DepartmentStatus } from '../../domain/department-rules.js';
import type { Pm3Department, Pm3DepartmentMember, Pm3DepartmentTree, Pm3DepartmentUser } from './department.mapper.js';

const NOT_BLANK = /\S/;
const UID_OR_EMPTY = 'A 32-character uid, or "" for none';

export class Pm3CreateDepartmentDto {
  @ApiProperty({ description: 'Unique in the workspace (case-insensitive)', maxLength: 255, example: 'Human Resources' })
  @IsString() @IsNotEmpty() @MaxLength(255) @Matches(NOT_BLANK, { message: 'dep_title must not be blank' })
  dep_title: string;

  @ApiPropertyOptional({ description: `Parent department. ${UID_OR_EMPTY} (top level, the default).`, maxLength: 32 })
  @IsOptional() @IsString() @MaxLength(32)
  dep_parent?: string;

  @ApiPropertyOptional({
    description: `Manager (supervisor). ${UID_OR_EMPTY}. A user in no department joins this one; a member of another department is refused.`,
    maxLength: 32,
  })
  @IsOptional() @IsString() @MaxLength(32)
  dep_manager?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_STATUSES, default: 'ACTIVE' })
  @IsOptional() @IsIn(DEPARTMENT_STATUSES)
  dep_status?: DepartmentStatus;
}

export class Pm3UpdateDepartmentDto {
  @ApiPropertyOptional({ description: 'Unique in the workspace (case-insensitive)', maxLength: 255 })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) @Matches(NOT_BLANK, { message: 'dep_title must not be blank' })
  dep_title?: string;

  @ApiPropertyOptional({ description: `${UID_OR_EMPTY}: "" makes it a top-level department. Not itself or one of its sub-departments.`, maxLength: 32 })
  @IsOptional() @IsString() @MaxLength(32)
  dep_parent?: string;

  @ApiPropertyOptional({ description: `${UID_OR_EMPTY}: "" leaves the department without a manager (who stays a member).`, maxLength: 32 })
  @IsOptional() @IsString() @MaxLength(32)
  dep_manager?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_STATUSES })
  @IsOptional() @IsIn(DEPARTMENT_STATUSES)
  dep_status?: DepartmentStatus;
}

export class Pm3AssignDepartmentUserDto {
  @ApiProperty({ description: 'usr_uid of the user (32 characters)', maxLength: 32 })
  @IsString() @IsNotEmpty() @MaxLength(32)
  usr_uid: string;
}

export class Pm3DepartmentResponse implements Pm3Department {
  @ApiProperty({ example: '00000000000000000000000000001000' }) dep_uid: string;
  @ApiProperty({ description: 'Parent department, "" for a top-level department' }) dep_parent: string;
  @ApiProperty({ example: 'Human Resources' }) dep_title: string;
  @ApiProperty({ enum: DEPARTMENT_STATUSES }) dep_status: DepartmentStatus;
  @ApiProperty({ description: 'usr_uid of the manager (supervisor), "" when none' }) dep_manager: string;
  @ApiProperty({ description: 'Distinguished name when imported from LDAP, else ""' }) dep_ldap_dn: string;
  @ApiProperty({ enum: [0, 1], description: '1 when the last of its siblings (ordered by title)' }) dep_last: number;
  @ApiProperty({ description: '"" when there is no manager' }) dep_manager_username: string;
  @ApiProperty() dep_manager_firstname: string;
  @ApiProperty() dep_manager_lastname: string;
  @ApiProperty({ example: '2', description: 'Number of sub-departments, as a string' }) has_children: string;
}

export class Pm3DepartmentTreeResponse extends Pm3DepartmentResponse implements Pm3DepartmentTree {
  @ApiProperty({ type: () => [Pm3DepartmentTreeResponse], description: 'Sub-departments, [] when none' })
  dep_children: Pm3DepartmentTree[];
}

export class Pm3DepartmentUserResponse implements Pm3DepartmentUser {
  @ApiProperty() usr_uid: string;
  @ApiProperty() usr_username: string;
  @ApiProperty() usr_firstname: string;
  @ApiProperty() usr_lastname: string;
  @ApiProperty({ enum: ['ACTIVE', 'INACTIVE', 'VACATION'] }) usr_status: string;
}

export class Pm3DepartmentMemberResponse extends Pm3DepartmentUserResponse implements Pm3DepartmentMember {
  @ApiProperty({ description: 'true for the department\'s manager' }) usr_supervisor: boolean;
}
