import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { APS_DEFAULT_PAGE_SIZE, APS_MAX_PAGE_SIZE } from './aps-paging.js';

/**
 * The query of an aps list (design.md §8), for aps and platform endpoints alike. `start` and `page`
 * are bounded so that an absurd value is a 400 rather than an OFFSET beyond PostgreSQL's bigint.
 */
export class ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Zero-based offset of the first item (default 0).', minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  start?: number;

  @ApiPropertyOptional({ description: 'Zero-based page number; wins over `start` when both are sent.', minimum: 0, maximum: 100_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({
    description: `Items per page (default ${APS_DEFAULT_PAGE_SIZE}, at most ${APS_MAX_PAGE_SIZE}).`,
    minimum: 1,
    maximum: APS_MAX_PAGE_SIZE,
    default: APS_DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(APS_MAX_PAGE_SIZE)
  size?: number;
}
