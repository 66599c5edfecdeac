import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { Pm3Permission, Pm3Role } from './pm3-role.mapper.js';
import { Absentable } from './pm3-validators.js';

const ROLE_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
const ROLE_CODE = /^[A-Za-z0-9_]+$/;
const ROLE_CODE_MESSAGE = 'rol_code may contain only letters, numbers and underscores';

export class Pm3CreateRoleDto {
  @ApiProperty({ description: 'Letters, numbers and underscores only', maxLength: 64, example: 'Case_Reviewer' })
  @IsString() @MaxLength(64) @Matches(ROLE_CODE, { message: ROLE_CODE_MESSAGE })
  rol_code: string;

  @ApiProperty({ description: 'Displayed name, any characters', maxLength: 255 })
  @IsString() @IsNotEmpty() @MaxLength(255)
  rol_name: string;

  @ApiPropertyOptional({ enum: ROLE_STATUSES, default: 'ACTIVE' })
  @Absentable() @IsIn(ROLE_STATUSES)
  rol_status?: 'ACTIVE' | 'INACTIVE';
}

export class Pm3UpdateRoleDto {
  @ApiPropertyOptional({ description: 'Letters, numbers and underscores only', maxLength: 64 })
  @Absentable() @IsString() @MaxLength(64) @Matches(ROLE_CODE, { message: ROLE_CODE_MESSAGE })
  rol_code?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @IsNotEmpty() @MaxLength(255)
  rol_name?: string;

  @ApiPropertyOptional({ enum: ROLE_STATUSES, description: 'INACTIVE: users of the role can no longer sign in' })
  @Absentable() @IsIn(ROLE_STATUSES)
  rol_status?: 'ACTIVE' | 'INACTIVE';
}

export class Pm3AssignUserDto {
  @ApiProperty({ description: 'usr_uid of the user (32 characters)', maxLength: 32 })
  @IsString() @IsNotEmpty() @MaxLength(32)
  usr_uid: string;
}

export class Pm3AssignPermissionDto {
  @ApiProperty({ description: 'per_uid of the permission (32 characters)', maxLength: 32 })
  @IsString() @IsNotEmpty() @MaxLength(32)
  per_uid: string;
}

export class Pm3RoleResponse implements Pm3Role {
  @ApiProperty({ example: '00000000000000000000000000000002' }) rol_uid: string;
  @ApiProperty({ example: 'PROCESSMAKER_ADMIN' }) rol_code: string;
  @ApiProperty({ example: 'System Administrator' }) rol_name: string;
  @ApiProperty({ enum: ROLE_STATUSES }) rol_status: 'ACTIVE' | 'INACTIVE';
  @ApiProperty({ example: '00000000000000000000000000000002', description: 'Always the ProcessMaker system uid' }) rol_system: string;
  @ApiProperty({ description: 'YYYY-MM-DD HH:MM:SS (UTC)' }) rol_create_date: string;
  @ApiProperty({ description: 'YYYY-MM-DD HH:MM:SS (UTC), "" when never updated' }) rol_update_date: string;
  @ApiProperty({ description: 'Users of the role in this workspace' }) rol_total_users: number;
}

export class Pm3PermissionResponse implements Pm3Permission {
  @ApiProperty({ example: '00000000000000000000000000000001' }) per_uid: string;
  @ApiProperty({ example: 'PM_LOGIN' }) per_code: string;
  @ApiProperty({ example: 'Login' }) per_name: string;
}
