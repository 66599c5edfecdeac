import { ApiProperty } from '@nestjs/swagger';

/** The paging fields of an aps list answer (design.md §8), for the OpenAPI document: a page response adds its `data`. */
export abstract class ApsPageFields {
  @ApiProperty({ description: 'Number of items in this page', example: 1 }) size!: number;
  @ApiProperty({ description: 'Number of items in all pages', example: 1 }) total!: number;
  @ApiProperty({ description: 'Zero-based offset of the first item', example: 0 }) start!: number;
}
