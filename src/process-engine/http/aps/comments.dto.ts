import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';

export const COMMENT_MAX = 4000;

/** Seed 004: "a json body with one property called `message`". */
export class ApsCommentDto {
  @ApiProperty({ description: 'The comment text: 1 to 4,000 characters, not blank', example: 'Looks good to me', maxLength: COMMENT_MAX })
  @IsDefined()
  @IsString()
  @MaxLength(COMMENT_MAX)
  message!: string;
}

export class ApsCommentsQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: newest first; default oldest first (Alfresco\'s JavaScript client sends it)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  latestFirst?: boolean;
}

export class ApsCommentAuthorResponse {
  @ApiProperty({ type: 'integer', example: 1 })
  id!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Ada' })
  firstName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Lovelace' })
  lastName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ada@example.com' })
  email!: string | null;
}

export class ApsCommentResponse {
  @ApiProperty({ type: 'integer', example: 7 })
  id!: number;

  @ApiProperty({ example: 'Looks good to me' })
  message!: string;

  @ApiProperty({ description: 'When it was written, aps format', example: '2026-11-22T10:00:00.000+0000' })
  created!: string;

  @ApiProperty({ type: ApsCommentAuthorResponse, description: 'The author as a light user' })
  createdBy!: ApsCommentAuthorResponse;
}

export class ApsCommentPageResponse {
  @ApiProperty({ type: 'integer', description: 'Items in this answer' })
  size!: number;

  @ApiProperty({ type: 'integer', description: 'All comments' })
  total!: number;

  @ApiProperty({ type: 'integer', description: 'Offset of the first item (always 0: the list is not paged)' })
  start!: number;

  @ApiProperty({ type: [ApsCommentResponse] })
  data!: ApsCommentResponse[];
}
