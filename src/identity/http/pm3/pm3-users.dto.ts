import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PM3_USER_STATUSES, type Pm3User, type Pm3UserStatus, type Pm3UserSummary } from './pm3-user.mapper.js';
import { Absentable, IsPm3Date, MatchesField } from './pm3-validators.js';

const given = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined;
const givenNotEmpty = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined && o[field] !== '';

/** Profile fields that POST and PUT share; all optional, "" clears a field on PUT. */
class Pm3UserProfileDto {
  @ApiPropertyOptional({ description: 'Address; may contain line breaks (\\n)', maxLength: 4000 })
  @Absentable() @IsString() @MaxLength(4000)
  usr_address?: string;

  @ApiPropertyOptional({ description: 'Zip or postal code', maxLength: 255 })
  @Absentable() @IsString() @MaxLength(255)
  usr_zip_code?: string;

  @ApiPropertyOptional({ description: 'Two-letter ISO country code', example: 'US' })
  @Absentable() @IsString() @Matches(/^([A-Za-z]{2})?$/, { message: 'usr_country must be a two-letter ISO country code' })
  usr_country?: string;

  @ApiPropertyOptional({ description: 'Region, state or province code (1 to 3 characters; ISO subdivision)', example: 'FL' })
  @Absentable() @IsString() @Matches(/^[A-Za-z0-9]{0,3}$/, { message: 'usr_city must be a region code of up to 3 letters or digits' })
  usr_city?: string;

  @ApiPropertyOptional({ description: 'City or locality code (1 to 3 characters; ISO location)', example: 'MMK' })
  @Absentable() @IsString() @Matches(/^[A-Za-z0-9]{0,3}$/, { message: 'usr_location must be a locality code of up to 3 letters or digits' })
  usr_location?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @MaxLength(255)
  usr_phone?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @MaxLength(255)
  usr_fax?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @MaxLength(255)
  usr_cellular?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @MaxLength(255)
  usr_position?: string;

  @ApiPropertyOptional({ description: 'Birthday, YYYY-MM-DD ("" clears it)', example: '1984-08-23' })
  @ValidateIf(givenNotEmpty('usr_birthday')) @IsPm3Date()
  usr_birthday?: string;

  @ApiPropertyOptional({ description: 'usr_uid of the user who replaces this one when INACTIVE or VACATION ("" for none)' })
  @Absentable() @IsString() @MaxLength(32)
  usr_replaced_by?: string;
}

export class Pm3CreateUserDto extends Pm3UserProfileDto {
  @ApiProperty({ description: 'Unique login name', maxLength: 100 })
  @IsString() @IsNotEmpty() @MaxLength(100)
  usr_username: string;

  @ApiProperty({ maxLength: 255 })
  @IsString() @IsNotEmpty() @MaxLength(255)
  usr_firstname: string;

  @ApiProperty({ maxLength: 255 })
  @IsString() @IsNotEmpty() @MaxLength(255)
  usr_lastname: string;

  @ApiProperty({ maxLength: 255 })
  @IsEmail() @MaxLength(255)
  usr_email: string;

  @ApiProperty({ description: 'Account expiry date, YYYY-MM-DD', example: '2030-12-31' })
  @IsPm3Date()
  usr_due_date: string;

  @ApiProperty({ enum: PM3_USER_STATUSES })
  @IsIn(PM3_USER_STATUSES)
  usr_status: Pm3UserStatus;

  @ApiProperty({ description: 'Role code: PROCESSMAKER_ADMIN, PROCESSMAKER_OPERATOR, PROCESSMAKER_MANAGER or a custom role', maxLength: 64 })
  @IsString() @IsNotEmpty() @MaxLength(64)
  usr_role: string;

  @ApiProperty({ description: 'Password (8 to 1024 characters)', maxLength: 1024 })
  @IsString() @IsNotEmpty() @MaxLength(1024)
  usr_new_pass: string;

  @ApiProperty({ description: 'The password again; must equal usr_new_pass', maxLength: 1024 })
  @IsString() @MaxLength(1024) @MatchesField('usr_new_pass')
  usr_cnf_pass: string;

  @ApiPropertyOptional({ description: 'Calendar uid for task due dates (stored; calendars come later)', maxLength: 32 })
  @Absentable() @IsString() @MaxLength(32)
  usr_calendar?: string;
}

export class Pm3UpdateUserDto extends Pm3UserProfileDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @Absentable() @IsString() @IsNotEmpty() @MaxLength(100)
  usr_username?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @IsNotEmpty() @MaxLength(255)
  usr_firstname?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsString() @IsNotEmpty() @MaxLength(255)
  usr_lastname?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @Absentable() @IsEmail() @MaxLength(255)
  usr_email?: string;

  @ApiPropertyOptional({ description: 'Account expiry date, YYYY-MM-DD ("" removes it)' })
  @ValidateIf(givenNotEmpty('usr_due_date')) @IsPm3Date()
  usr_due_date?: string;

  @ApiPropertyOptional({ enum: PM3_USER_STATUSES })
  @Absentable() @IsIn(PM3_USER_STATUSES)
  usr_status?: Pm3UserStatus;

  @ApiPropertyOptional({ description: 'Role code', maxLength: 64 })
  @Absentable() @IsString() @IsNotEmpty() @MaxLength(64)
  usr_role?: string;

  @ApiPropertyOptional({ description: 'New password (8 to 1024 characters); needs usr_cnf_pass', maxLength: 1024 })
  @ValidateIf(given('usr_new_pass')) @IsString() @IsNotEmpty() @MaxLength(1024)
  usr_new_pass?: string;

  @ApiPropertyOptional({ description: 'The new password again; must equal usr_new_pass', maxLength: 1024 })
  @ValidateIf((o: Record<string, unknown>) => o.usr_new_pass !== undefined || o.usr_cnf_pass !== undefined)
  @MatchesField('usr_new_pass')
  usr_cnf_pass?: string;

  @ApiPropertyOptional({ description: 'Calendar uid (stored; calendars come later)', maxLength: 32 })
  @Absentable() @IsString() @MaxLength(32)
  usr_calendar?: string;
}

export class Pm3UserResponse implements Pm3User {
  @ApiProperty({ example: '00000000000000000000000000001000' }) usr_uid: string;
  @ApiProperty() usr_username: string;
  @ApiProperty({ description: 'Always "": the password hash never leaves the server' }) usr_password: string;
  @ApiProperty() usr_firstname: string;
  @ApiProperty() usr_lastname: string;
  @ApiProperty() usr_email: string;
  @ApiProperty({ description: 'YYYY-MM-DD or ""' }) usr_due_date: string;
  @ApiProperty({ description: 'YYYY-MM-DD HH:MM:SS (UTC)' }) usr_create_date: string;
  @ApiProperty({ description: 'YYYY-MM-DD HH:MM:SS (UTC)' }) usr_update_date: string;
  @ApiProperty({ enum: PM3_USER_STATUSES }) usr_status: Pm3UserStatus;
  @ApiProperty() usr_country: string;
  @ApiProperty() usr_city: string;
  @ApiProperty() usr_location: string;
  @ApiProperty() usr_address: string;
  @ApiProperty() usr_phone: string;
  @ApiProperty() usr_fax: string;
  @ApiProperty() usr_cellular: string;
  @ApiProperty() usr_zip_code: string;
  @ApiProperty({ description: '"" until departments exist' }) dep_uid: string;
  @ApiProperty() usr_position: string;
  @ApiProperty({ description: 'Always ""' }) usr_resume: string;
  @ApiProperty({ description: 'YYYY-MM-DD or ""' }) usr_birthday: string;
  @ApiProperty({ description: 'Role code' }) usr_role: string;
  @ApiProperty({ description: '"" until departments exist' }) usr_reports_to: string;
  @ApiProperty({ description: 'usr_uid or ""' }) usr_replaced_by: string;
  @ApiProperty({ description: 'Always NORMAL' }) usr_ux: string;
}

export class Pm3UserSummaryResponse implements Pm3UserSummary {
  @ApiProperty() usr_uid: string;
  @ApiProperty() usr_username: string;
  @ApiProperty() usr_firstname: string;
  @ApiProperty() usr_lastname: string;
  @ApiProperty({ enum: PM3_USER_STATUSES }) usr_status: Pm3UserStatus;
}
