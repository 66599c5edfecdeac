import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FIELD_TYPES } from '../../domain/data-tables/data-table-rules.js';

const FLAG = 'Either 1 or 0 (also "1"/"0", true/false)';

/** One field of a create or update request (seed 003, "Create PM Table"). */
export class Pm3PmTableFieldDto {
  @ApiProperty({ description: 'ASCII letters, digits and "_", beginning with a letter, at most 64 characters, not an SQL reserved word; upper-cased', example: 'COMPANY_NAME' })
  fld_name!: string;

  @ApiPropertyOptional({ description: 'Label (answered as fld_description); default the field name. At most 255 characters.', example: 'Company name' })
  fld_label?: string;

  @ApiProperty({ enum: FIELD_TYPES, description: 'Field type (case-insensitive). TIMESTAMP is a synonym of DATETIME, REAL of DOUBLE.' })
  fld_type!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'Required for CHAR (1–255) and VARCHAR (1–65,535): characters. Optional for BOOLEAN (≤1), TINYINT (≤3), SMALLINT (≤5), INTEGER (≤10), BIGINT (≤19): ' +
      'digits; for FLOAT (≤39), REAL (≤309), DECIMAL (≤63): digits before the point. Values with more digits are refused. Sent for DOUBLE, DATE, TIME, ' +
      'DATETIME, TIMESTAMP or LONGVARCHAR it is the documented 400 with NO body; larger than the type allows, a 400 naming the field.',
  })
  fld_size?: number | null;

  @ApiPropertyOptional({ description: `${FLAG}: NULL allowed. Default 1, but 0 for key fields (a key field cannot allow NULL).`, example: 1 })
  fld_null?: number;

  @ApiPropertyOptional({ description: `${FLAG}: numbered automatically (largest value stored so far + 1). Integer types only; one field per table. Default 0.`, example: 0 })
  fld_autoincrement?: number;

  @ApiPropertyOptional({ description: `${FLAG}: primary-key field; at most 3 per table; not LONGVARCHAR. Default 0.`, example: 0 })
  fld_key?: number;

  @ApiPropertyOptional({ description: 'Listed by seed 003 (the DynaForm field); accepted and ignored.' })
  fld_dyn?: string;
}

export class Pm3CreatePmTableDto {
  @ApiProperty({ description: 'ASCII letters, digits and "_", beginning with a letter, at most 64 characters, not an SQL reserved word; upper-cased. Unique in the workspace.', example: 'PMT_CLIENTS' })
  pmt_tab_name!: string;

  @ApiPropertyOptional({ description: 'Description (at most 4,000 characters), answered as pmt_tab_description', example: 'Table with information about clients' })
  pmt_tab_dsc?: string;

  @ApiProperty({ type: [Pm3PmTableFieldDto], description: '1 to 255 fields; names unique case-insensitively' })
  fields!: Pm3PmTableFieldDto[];
}

export class Pm3UpdatePmTableDto {
  @ApiPropertyOptional({ description: 'New description. `rep_tab_dsc` (the property of seed 003\'s example) is accepted as a synonym.' })
  pmt_tab_dsc?: string;

  @ApiPropertyOptional({
    type: [Pm3PmTableFieldDto],
    description:
      'Fields to add (a new name) or to redefine (an existing name; it keeps its uid and its values). Fields not listed stay as they are — nothing is dropped. ' +
      'Once the table has rows, an existing field may only change its label, grow its size or start allowing NULL, and a new field must allow NULL and be ' +
      'neither a key nor auto-increment: anything else is a 400 (delete the rows first).',
  })
  fields?: Pm3PmTableFieldDto[];
}

/** A field as GET /pmtable and GET /pmtable/{uid} show it: numbers as strings, as in seed 003's examples. */
export class Pm3PmTableFieldResponse {
  @ApiProperty({ example: '00000000000000000000000000000001' }) fld_uid!: string;
  @ApiProperty({ example: '0' }) fld_index!: string;
  @ApiProperty({ example: 'ID' }) fld_name!: string;
  @ApiProperty({ example: 'ID' }) fld_description!: string;
  @ApiProperty({ example: 'BIGINT' }) fld_type!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the field has no size', example: '8' }) fld_size!: string | null;
  @ApiProperty({ example: '0' }) fld_null!: string;
  @ApiProperty({ example: '1' }) fld_auto_increment!: string;
  @ApiProperty({ example: '1' }) fld_key!: string;
  @ApiProperty({ description: 'Always "0": every field is indexed alike (one GIN index over the row documents)', example: '0' }) fld_table_index!: string;
}

export class Pm3PmTableResponse {
  @ApiProperty({ example: '00000000000000000000000000000001' }) pmt_uid!: string;
  @ApiProperty({ example: 'PMT_CLIENTS' }) pmt_tab_name!: string;
  @ApiProperty({ example: 'Table with information about clients' }) pmt_tab_description!: string;
  @ApiProperty({ example: 'PmtClients' }) pmt_tab_class_name!: string;
  @ApiProperty({ example: 28 }) pmt_num_rows!: number;
  @ApiProperty({ type: [Pm3PmTableFieldResponse] }) fields!: Pm3PmTableFieldResponse[];
}

/** A field in the create answer: numbers as numbers, as in seed 003's example. */
export class Pm3CreatedPmTableFieldResponse {
  @ApiProperty() fld_uid!: string;
  @ApiProperty({ example: 0 }) fld_index!: number;
  @ApiProperty() fld_name!: string;
  @ApiProperty() fld_description!: string;
  @ApiProperty() fld_type!: string;
  @ApiProperty({ type: Number, nullable: true }) fld_size!: number | null;
  @ApiProperty({ example: 1 }) fld_null!: number;
  @ApiProperty({ example: 0 }) fld_auto_increment!: number;
  @ApiProperty({ example: 0 }) fld_key!: number;
  @ApiProperty({ example: 0 }) fld_table_index!: number;
}

export class Pm3CreatedPmTableResponse {
  @ApiProperty() pmt_uid!: string;
  @ApiProperty() pmt_tab_name!: string;
  @ApiProperty() pmt_tab_description!: string;
  @ApiProperty() pmt_tab_class_name!: string;
  @ApiProperty({ example: 0 }) pmt_num_rows!: number;
  @ApiProperty({ type: [Pm3CreatedPmTableFieldResponse] }) fields!: Pm3CreatedPmTableFieldResponse[];
}

export class Pm3PmTableDataQueryDto {
  @ApiPropertyOptional({
    description:
      'JSON `{"where": {"FIELD": value, ...}}`: rows whose fields equal all the given values (names case-insensitive, values converted to the field\'s type; ' +
      'null matches NULL). Only the filter type "where" and equality exist. Unknown fields, values of the wrong type and malformed JSON are 400s.',
    example: '{"where":{"company_name":"Western Fuels Corp."}}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(65_536)
  q?: string;

  @ApiPropertyOptional({ description: 'Meridian extension: zero-based position of the first matching row', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  start?: number;

  @ApiPropertyOptional({ description: 'Meridian extension: the most rows to answer; without it at most 10,000. `count` is always the number of all matching rows.', minimum: 1, maximum: 10_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

export class Pm3PmTableDataResponse {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: { type: 'string', nullable: true } },
    description: 'Rows in insertion order: lower-case field names, every value a string (NULL as null), plus `__index__`, the row\'s 1-based position among the matches',
    example: [{ id: '1', company_name: 'Western Fuels Corp.', has_contract: '1', __index__: '1' }],
  })
  rows!: Array<Record<string, string | null>>;

  @ApiProperty({ description: 'Number of matching rows', example: 1 })
  count!: number;
}

/** Row bodies and answers: objects keyed by the table's own field names. */
export const PM_TABLE_ROW_BODY = {
  type: 'object' as const,
  additionalProperties: true,
  description: 'Field names of the table (case-insensitive) and their values: numbers as JSON numbers or strings, BOOLEAN as 1/0, DATE "YYYY-MM-DD", DATETIME "YYYY-MM-DD HH:MM:SS", TIME "HH:MM:SS"',
  example: { ID: 1262, CLIENT_NAME: 'Sprockets Inc.', AMOUNT: 13435.99, DUE_DATE: '2015-12-31', HAS_CONTRACT: 1 },
};

export const PM_TABLE_ROW_ANSWER = {
  type: 'object' as const,
  additionalProperties: { type: 'string' as const, nullable: true },
  description: 'Every field of the table with a lower-case name and its stored value as a string (NULL as null)',
  example: { id: '1262', client_name: 'Sprockets Inc.', amount: '13435.99', due_date: '2015-12-31', has_contract: '1' },
};
