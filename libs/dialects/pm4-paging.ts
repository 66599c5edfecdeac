import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Request } from 'express';

/** ProcessMaker 4's controllers page with `per_page` defaulting to 10; Meridian caps a page at 1000. */
export const PM4_DEFAULT_PER_PAGE = 10;
export const PM4_MAX_PER_PAGE = 1000;

/** `page` (1-based) and `per_page`, as Laravel's paginator reads them. */
export class Pm4PageQueryDto {
  @ApiPropertyOptional({ description: '1-based page number', minimum: 1, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'The page must be an integer.' }) @Min(1, { message: 'The page must be at least 1.' }) @Max(100_000, { message: 'The page may not be greater than 100000.' })
  page?: number;

  @ApiPropertyOptional({ description: 'Items per page', minimum: 1, maximum: PM4_MAX_PER_PAGE, default: PM4_DEFAULT_PER_PAGE })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'The per page must be an integer.' })
  @Min(1, { message: 'The per page must be at least 1.' }) @Max(PM4_MAX_PER_PAGE, { message: `The per page may not be greater than ${PM4_MAX_PER_PAGE}.` })
  per_page?: number;
}

/** Paging plus ProcessMaker 4's free-text `filter` and `order_direction`. */
export class Pm4ListQueryDto extends Pm4PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive text to search for', maxLength: 255 })
  @IsOptional() @IsString() @MaxLength(255)
  filter?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc', 'ASC', 'DESC'], default: 'asc' })
  @IsOptional() @IsIn(['asc', 'desc', 'ASC', 'DESC'], { message: 'The selected order direction is invalid.' })
  order_direction?: 'asc' | 'desc' | 'ASC' | 'DESC';
}

/** The `meta` of every ProcessMaker 4 list: the documented filter, sort and path, and Laravel's paginator fields. */
export class Pm4ListMeta {
  @ApiProperty({ description: 'The `filter` sent, or ""', example: '' }) filter!: string;
  @ApiProperty({ description: 'The field the list is ordered by', example: 'name' }) sort_by!: string;
  @ApiProperty({ enum: ['asc', 'desc'] }) sort_order!: 'asc' | 'desc';
  @ApiProperty({ description: 'Items in this page', example: 1 }) count!: number;
  @ApiProperty({ description: 'Pages in all', example: 1 }) total_pages!: number;
  @ApiProperty({ example: 1 }) current_page!: number;
  @ApiProperty({ type: Number, nullable: true, description: '1-based position of the first item; null when the page is empty', example: 1 })
  from!: number | null;
  @ApiProperty({ description: 'Number of the last page (at least 1)', example: 1 }) last_page!: number;
  @ApiProperty({ description: 'The URL of the list, without its query', example: 'http://localhost:3000/api/1.0/groups' }) path!: string;
  @ApiProperty({ example: PM4_DEFAULT_PER_PAGE }) per_page!: number;
  @ApiProperty({ type: Number, nullable: true, description: '1-based position of the last item; null when the page is empty', example: 1 })
  to!: number | null;
  @ApiProperty({ description: 'Items in all pages', example: 1 }) total!: number;
}

export interface Pm4List<T> {
  data: T[];
  meta: Pm4ListMeta;
}

export function pm4Offset(q: Pm4PageQueryDto): { offset: number; limit: number; page: number } {
  const limit = q.per_page ?? PM4_DEFAULT_PER_PAGE;
  const page = q.page ?? 1;
  return { offset: (page - 1) * limit, limit, page };
}

export interface Pm4ListContext {
  readonly page: number;
  readonly limit: number;
  readonly path: string;
  readonly filter?: string;
  readonly sortBy: string;
  readonly sortOrder?: string;
}

export function pm4List<T>(data: T[], total: number, c: Pm4ListContext): Pm4List<T> {
  const offset = (c.page - 1) * c.limit;
  const lastPage = Math.max(1, Math.ceil(total / c.limit));
  return {
    data,
    meta: {
      filter: c.filter ?? '',
      sort_by: c.sortBy,
      sort_order: c.sortOrder?.toLowerCase() === 'desc' ? 'desc' : 'asc',
      count: data.length,
      total_pages: lastPage,
      current_page: c.page,
      from: data.length > 0 ? offset + 1 : null,
      last_page: lastPage,
      path: c.path,
      per_page: c.limit,
      to: data.length > 0 ? offset + data.length : null,
      total,
    },
  };
}

/** The request's URL without its query string, as Laravel's paginator reports it in `meta.path`. */
export const Pm4Path = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.path}`;
});
