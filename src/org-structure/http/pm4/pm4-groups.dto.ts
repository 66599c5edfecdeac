import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { Pm4ListMeta, Pm4ListQueryDto, Pm4PageQueryDto } from '../../../../libs/dialects/pm4-paging.js';

export const PM4_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type Pm4GroupStatus = (typeof PM4_STATUSES)[number];
export const PM4_USER_MODEL = 'ProcessMaker\\Models\\User';
export const PM4_GROUP_MODEL = 'ProcessMaker\\Models\\Group';
export const PM4_MEMBER_MODELS = [PM4_USER_MODEL, PM4_GROUP_MODEL] as const;
/** What ProcessMaker 4 stores, and the short forms design.md §8 also accepts. */
export const PM4_MEMBER_TYPES = [...PM4_MEMBER_MODELS, 'user', 'group'] as const;
export type Pm4MemberModel = (typeof PM4_MEMBER_MODELS)[number];

/** Like @IsOptional(), but an explicit null is validated (and refused) where null means nothing. */
const Absentable = (): PropertyDecorator => ValidateIf((_o: object, v: unknown) => v !== undefined);
/** Absent or null skip validation: null clears the field. */
const Nullable = (): PropertyDecorator => ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null);
const ID_EXAMPLE = 7;

// ---- requests -------------------------------------------------------------------------------

export class Pm4GroupListQueryDto extends Pm4ListQueryDto {
  @ApiPropertyOptional({ enum: ['name', 'id', 'created_at'], default: 'name', description: 'Field to order by' })
  @IsOptional() @IsIn(['name', 'id', 'created_at'], { message: 'The selected order by is invalid.' })
  order_by?: 'name' | 'id' | 'created_at';

  @ApiPropertyOptional({ enum: PM4_STATUSES, description: 'Only groups with this status' })
  @IsOptional() @IsIn(PM4_STATUSES, { message: 'The selected status is invalid.' })
  status?: Pm4GroupStatus;
}

/** Lists of a group's users and member groups: `filter` and paging, ordered by username or name. */
export class Pm4FilterPageQueryDto extends Pm4PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive text to search for', maxLength: 255 })
  @IsOptional() @IsString() @MaxLength(255)
  filter?: string;
}

export class Pm4CreateGroupDto {
  @ApiProperty({ maxLength: 255, description: 'Unique in the tenant, case-insensitively', example: 'Accounting' })
  @IsDefined({ message: 'The name field is required.' })
  @IsString({ message: 'The name must be a string.' })
  @IsNotEmpty({ message: 'The name field is required.' })
  @MaxLength(255, { message: 'The name may not be greater than 255 characters.' })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 })
  @Nullable() @IsString({ message: 'The description must be a string.' }) @MaxLength(4000, { message: 'The description may not be greater than 4000 characters.' })
  description?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Id of the user who manages the group', example: 1 })
  @Nullable() @Type(() => Number) @IsInt({ message: 'The manager id must be an integer.' }) @Min(1, { message: 'The manager id must be at least 1.' })
  manager_id?: number | null;

  @ApiPropertyOptional({ enum: PM4_STATUSES, default: 'ACTIVE' })
  @Absentable() @IsIn(PM4_STATUSES, { message: 'The selected status is invalid.' })
  status?: Pm4GroupStatus;
}

/** Absent fields stay as they are. */
export class Pm4UpdateGroupDto {
  @ApiPropertyOptional({ maxLength: 255, example: 'Accounting' })
  @Absentable()
  @IsString({ message: 'The name must be a string.' })
  @IsNotEmpty({ message: 'The name field is required.' })
  @MaxLength(255, { message: 'The name may not be greater than 255 characters.' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 })
  @Nullable() @IsString({ message: 'The description must be a string.' }) @MaxLength(4000, { message: 'The description may not be greater than 4000 characters.' })
  description?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 1 })
  @Nullable() @Type(() => Number) @IsInt({ message: 'The manager id must be an integer.' }) @Min(1, { message: 'The manager id must be at least 1.' })
  manager_id?: number | null;

  @ApiPropertyOptional({ enum: PM4_STATUSES })
  @Absentable() @IsIn(PM4_STATUSES, { message: 'The selected status is invalid.' })
  status?: Pm4GroupStatus;
}

export class Pm4GroupMembersQueryDto extends Pm4PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Only memberships in this group', example: ID_EXAMPLE })
  @IsOptional() @IsString()
  group_id?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Only memberships of this member (needs member_type)', example: 1 })
  @IsOptional() @IsString()
  member_id?: string;

  @ApiPropertyOptional({ enum: PM4_MEMBER_TYPES, description: 'Only members of this type' })
  @IsOptional() @IsIn(PM4_MEMBER_TYPES, { message: 'The selected member type is invalid.' })
  member_type?: string;
}

export class Pm4CreateGroupMemberDto {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'The group to join', example: ID_EXAMPLE })
  @IsDefined({ message: 'The group id field is required.' }) @IsNotEmpty({ message: 'The group id field is required.' })
  group_id!: string | number;

  @ApiProperty({ enum: PM4_MEMBER_TYPES, description: 'A user, or (functional groups only) another group', example: PM4_USER_MODEL })
  @IsDefined({ message: 'The member type field is required.' }) @IsIn(PM4_MEMBER_TYPES, { message: 'The selected member type is invalid.' })
  member_type!: string;

  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'Id of the user or group', example: 1 })
  @IsDefined({ message: 'The member id field is required.' }) @IsNotEmpty({ message: 'The member id field is required.' })
  member_id!: string | number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 })
  @Nullable() @IsString({ message: 'The description must be a string.' }) @MaxLength(4000, { message: 'The description may not be greater than 4000 characters.' })
  description?: string | null;
}

export class Pm4GroupMembersAvailableQueryDto extends Pm4FilterPageQueryDto {
  @ApiProperty({ type: 'integer', description: 'Id of the user or group that would join', example: 1 })
  @IsDefined({ message: 'The member id field is required.' }) @IsString()
  member_id!: string;

  @ApiProperty({ enum: PM4_MEMBER_TYPES, example: PM4_USER_MODEL })
  @IsDefined({ message: 'The member type field is required.' }) @IsIn(PM4_MEMBER_TYPES, { message: 'The selected member type is invalid.' })
  member_type!: string;
}

export class Pm4UserMembersAvailableQueryDto extends Pm4FilterPageQueryDto {
  @ApiProperty({ type: 'integer', description: 'The group the users would join', example: ID_EXAMPLE })
  @IsDefined({ message: 'The group id field is required.' }) @IsString()
  group_id!: string;
}

// ---- responses ------------------------------------------------------------------------------

export class Pm4GroupResponse {
  @ApiProperty({ type: 'integer', example: ID_EXAMPLE }) id!: number;
  @ApiProperty({ example: 'Accounting' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) manager_id!: number | null;
  @ApiProperty({ enum: PM4_STATUSES }) status!: Pm4GroupStatus;
  @ApiProperty({ format: 'date-time', example: '2024-10-16T08:45:14.834Z' }) created_at!: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-16T08:45:14.834Z' }) updated_at!: string;
}

/** `availableGroupMembers` of the document: a group without its manager. */
export class Pm4AvailableGroupResponse {
  @ApiProperty({ type: 'integer', example: ID_EXAMPLE }) id!: number;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: 'Accounting' }) name!: string;
  @ApiProperty({ enum: PM4_STATUSES }) status!: Pm4GroupStatus;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

/** The user fields a group's member lists carry: enough to recognise and pick a user (never credentials). */
export class Pm4MemberUserResponse {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'jane' }) username!: string;
  @ApiProperty({ type: String, nullable: true, example: 'jane@example.com' }) email!: string | null;
  @ApiProperty({ example: 'Jane' }) firstname!: string;
  @ApiProperty({ example: 'Doe' }) lastname!: string;
  @ApiProperty({ description: 'First and last name, or the username when both are empty', example: 'Jane Doe' }) fullname!: string;
  @ApiProperty({ enum: ['ACTIVE', 'INACTIVE', 'OUT_OF_OFFICE'], description: 'Meridian\'s vacation status reads OUT_OF_OFFICE' })
  status!: 'ACTIVE' | 'INACTIVE' | 'OUT_OF_OFFICE';
}

export class Pm4GroupMemberResponse {
  @ApiProperty({ type: 'integer', example: 12 }) id!: number;
  @ApiProperty({ type: 'integer', example: ID_EXAMPLE }) group_id!: number;
  @ApiProperty({ type: 'integer', example: 1 }) member_id!: number;
  @ApiProperty({ enum: PM4_MEMBER_MODELS, example: PM4_USER_MODEL }) member_type!: Pm4MemberModel;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

/** The answer to POST group_members: the membership with its group and member. */
export class Pm4CreatedGroupMemberResponse extends Pm4GroupMemberResponse {
  @ApiProperty({ type: Pm4GroupResponse }) group!: Pm4GroupResponse;

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(Pm4MemberUserResponse) }, { $ref: getSchemaPath(Pm4GroupResponse) }],
    description: 'The user (member_type User) or the group (member_type Group)',
  })
  member!: Pm4MemberUserResponse | Pm4GroupResponse;
}

export class Pm4GroupListResponse {
  @ApiProperty({ type: [Pm4GroupResponse] }) data!: Pm4GroupResponse[];
  @ApiProperty({ type: Pm4ListMeta }) meta!: Pm4ListMeta;
}

export class Pm4AvailableGroupListResponse {
  @ApiProperty({ type: [Pm4AvailableGroupResponse] }) data!: Pm4AvailableGroupResponse[];
  @ApiProperty({ type: Pm4ListMeta }) meta!: Pm4ListMeta;
}

export class Pm4MemberUserListResponse {
  @ApiProperty({ type: [Pm4MemberUserResponse] }) data!: Pm4MemberUserResponse[];
  @ApiProperty({ type: Pm4ListMeta }) meta!: Pm4ListMeta;
}

export class Pm4GroupMemberListResponse {
  @ApiProperty({ type: [Pm4GroupMemberResponse] }) data!: Pm4GroupMemberResponse[];
  @ApiProperty({ type: Pm4ListMeta }) meta!: Pm4ListMeta;
}
