import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Pm4ListMeta, Pm4ListQueryDto } from '../../../../libs/dialects/pm4-paging.js';

export const PM4_USER_STATUSES = ['ACTIVE', 'INACTIVE', 'OUT_OF_OFFICE'] as const;
export type Pm4UserStatus = (typeof PM4_USER_STATUSES)[number];
export const PM4_USER_ORDER = ['id', 'username', 'firstname', 'lastname', 'email', 'status', 'created_at', 'updated_at'] as const;

export class Pm4UserListQueryDto extends Pm4ListQueryDto {
  @ApiPropertyOptional({ enum: PM4_USER_ORDER, default: 'username' })
  @IsOptional() @IsIn(PM4_USER_ORDER, { message: 'The selected order by is invalid.' })
  order_by?: (typeof PM4_USER_ORDER)[number];

  @ApiPropertyOptional({ enum: PM4_USER_STATUSES, description: 'Only users with this status' })
  @IsOptional() @IsIn(PM4_USER_STATUSES, { message: 'The selected status is invalid.' })
  status?: Pm4UserStatus;

  @ApiPropertyOptional({ description: 'Comma-separated ids to leave out', example: '1,2' })
  @IsOptional() @IsString() @MaxLength(20000)
  exclude_ids?: string;
}

/**
 * The subset of ProcessMaker 4's user object that finding member ids needs. The document's
 * password and remember_token are never shown; address, phone and media fields are not served.
 */
export class Pm4UserResponse {
  @ApiProperty({ type: 'integer', example: 1 }) id!: number;
  @ApiProperty({ example: 'admin' }) username!: string;
  @ApiProperty({ type: String, nullable: true, example: 'admin@example.com' }) email!: string | null;
  @ApiProperty({ example: 'Ada' }) firstname!: string;
  @ApiProperty({ example: 'Lovelace' }) lastname!: string;
  @ApiProperty({ description: 'First and last name, or the username when both are empty', example: 'Ada Lovelace' }) fullname!: string;
  @ApiProperty({ enum: PM4_USER_STATUSES, description: 'Meridian\'s vacation status reads OUT_OF_OFFICE; pending (invited) users read INACTIVE' })
  status!: Pm4UserStatus;
  @ApiProperty({ description: 'Holds tenant or user administration' }) is_administrator!: boolean;
  @ApiProperty({ format: 'date-time', example: '2024-10-16T08:45:14.834Z' }) created_at!: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-16T08:45:14.834Z' }) updated_at!: string;
}

export class Pm4UserListResponse {
  @ApiProperty({ type: [Pm4UserResponse] }) data!: Pm4UserResponse[];
  @ApiProperty({ type: Pm4ListMeta }) meta!: Pm4ListMeta;
}
