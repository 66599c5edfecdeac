import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `filter`, `start` and `limit`, as every ProcessMaker 3 list takes them. */
export class Pm3ListQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive text to search for', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filter?: string;

  @ApiPropertyOptional({ description: 'Zero-based position of the first item (at most 1,000,000)', minimum: 0, maximum: 1_000_000, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  start?: number;

  @ApiPropertyOptional({ description: 'Maximum number of items; without it, all items (at most 1000)', minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
