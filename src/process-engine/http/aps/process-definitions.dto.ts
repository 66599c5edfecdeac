import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';

/** A numeric id in a JSON body: a number or a string of digits (Alfresco sends `"1"`), kept as a string. */
export const BodyIdString = () => Transform(({ value }: { value: unknown }) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value));
/** A positive id that fits a bigint (18 digits: every 19-digit bound check is then needless). */
export const ID_PATTERN = /^[1-9]\d{0,17}$/;

export class ApsProcessDefinitionListQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only the latest version of each key. Default false: every version.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  latest?: boolean;

  @ApiPropertyOptional({ description: 'Only the definitions deployed with this app.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  appDefinitionId?: number;
}

export class ApsAddCandidateStarterDto {
  @ApiPropertyOptional({ type: String, description: 'A user id of the caller\'s tenant (number or numeric string). Exactly one of user and group.', example: '1' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'user must be a positive integer id' })
  user?: string;

  @ApiPropertyOptional({ type: String, description: 'A group id of the caller\'s tenant (number or numeric string). Exactly one of user and group.', example: '1001' })
  @IsOptional()
  @BodyIdString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'group must be a positive integer id' })
  group?: string;
}
