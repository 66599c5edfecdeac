import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiCreatedResponse, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AddDataTableRow } from '../../application/data-tables/add-data-table-row.use-case.js';
import { CreateDataTable } from '../../application/data-tables/create-data-table.use-case.js';
import { DeleteDataTableRow } from '../../application/data-tables/delete-data-table-row.use-case.js';
import { DeleteDataTable } from '../../application/data-tables/delete-data-table.use-case.js';
import { GetDataTable } from '../../application/data-tables/get-data-table.query.js';
import { ListDataTableRows } from '../../application/data-tables/list-data-table-rows.query.js';
import { ListDataTables } from '../../application/data-tables/list-data-tables.query.js';
import { UpdateDataTableRow } from '../../application/data-tables/update-data-table-row.use-case.js';
import { UpdateDataTable } from '../../application/data-tables/update-data-table.use-case.js';
import {
  PM_TABLE_ROW_ANSWER,
  PM_TABLE_ROW_BODY,
  Pm3CreatedPmTableResponse,
  Pm3CreatePmTableDto,
  Pm3PmTableDataQueryDto,
  Pm3PmTableDataResponse,
  Pm3PmTableResponse,
  Pm3UpdatePmTableDto,
} from './pm-tables.dto.js';
import { toPm3CreatedPmTable, toPm3PmTable } from './pm-tables.mapper.js';
import { PmTableErrorWordingInterceptor, PmTableExceptionFilter, PmTableUidPipe, PmTableWorkspacePipe } from './pm-tables.support.js';

const ACCESS = 'Needs PM_SETUP_PM_TABLES, PM_SETUP_ADVANCE or tenant administration (seed 003 names none for PM Tables); operators get 403.';
const MISSING = 'An unknown pmt_uid, or one of another workspace: 400 "The PM Table with pmt_uid: \'…\' does not exist."';
const DELETE_ROW =
  'Deletes the row whose primary key has these values: the path names every key field of the table once, in any order, case-insensitively (1, 2 or 3 ' +
  'pairs, as the table has keys). 200 with no body. A missing or non-key field, a value of the wrong type, or no such row: 400, nothing deleted. ';

@ApiTags('pm3 forms: PM Tables')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403)
@UseInterceptors(PmTableErrorWordingInterceptor)
@UseFilters(PmTableExceptionFilter)
@Controller('api/1.0/:workspace/pmtable')
export class Pm3PmTablesController {
  constructor(
    private readonly listTables: ListDataTables,
    private readonly getTable: GetDataTable,
    private readonly createTable: CreateDataTable,
    private readonly updateTable: UpdateDataTable,
    private readonly deleteTable: DeleteDataTable,
    private readonly listRows: ListDataTableRows,
    private readonly addRow: AddDataTableRow,
    private readonly updateRow: UpdateDataTableRow,
    private readonly deleteRow: DeleteDataTableRow,
  ) {}

  @Get()
  @ApiOperation({ summary: 'PM Tables list', description: `Every PM Table of the workspace, by name; [] when none (there are no Report Tables). ${ACCESS}` })
  @ApiOkResponse({ type: [Pm3PmTableResponse] })
  async list(@CurrentPrincipal() actor: Principal, @Param('workspace', PmTableWorkspacePipe) tenantId: string): Promise<Pm3PmTableResponse[]> {
    return (await this.listTables.execute({ actor, tenantId })).map(toPm3PmTable);
  }

  @Get(':pmt_uid')
  @ApiOperation({ summary: 'Get PM Table structure', description: `The table with its fields (properties as strings, as seed 003 shows them). ${MISSING} ${ACCESS}` })
  @ApiOkResponse({ type: Pm3PmTableResponse })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
  ): Promise<Pm3PmTableResponse> {
    return toPm3PmTable(await this.getTable.execute({ actor, tenantId, tableId }));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create PM Table',
    description:
      '201 with the table (properties as numbers, as in seed 003\'s example). JSON body. Names: ASCII letters, digits and "_", beginning with a letter, ' +
      'at most 64 characters, not an SQL reserved word (SELECT, TABLE, ORDER, …), upper-cased; the table name is unique in the workspace and field names ' +
      'within the table. Types and sizes as in seed 003 (see fld_size); at most 3 key fields, one auto-increment integer field. A size on a type that takes ' +
      'none is the documented 400 with NO body; every other problem is a 400 naming the field. Unknown properties are refused (fld_dyn is ignored). ' +
      'Tables live as data (one jsonb rows table), so no SQL is ever built from these names. ' +
      ACCESS,
  })
  @ApiBody({ type: Pm3CreatePmTableDto })
  @ApiCreatedResponse({ type: Pm3CreatedPmTableResponse })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Body() body: unknown,
  ): Promise<Pm3CreatedPmTableResponse> {
    const tableId = await this.createTable.execute({ actor, tenantId, body });
    return toPm3CreatedPmTable(await this.getTable.execute({ actor, tenantId, tableId }));
  }

  @Put(':pmt_uid')
  @ApiOperation({
    summary: 'Update PM Table structure',
    description: `A new description and/or fields to add or redefine (see the body); 200 with no body. ${MISSING} ${ACCESS}`,
  })
  @ApiBody({ type: Pm3UpdatePmTableDto })
  @ApiOkResponse({ description: 'Empty body; the structure is updated.' })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.updateTable.execute({ actor, tenantId, tableId, body });
  }

  @Delete(':pmt_uid')
  @ApiOperation({ summary: 'Delete PM Table', description: `The table and all its rows, in one transaction; 200 with no body. ${MISSING} ${ACCESS}` })
  @ApiOkResponse({ description: 'Empty body; the table and its data are gone.' })
  async remove(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
  ): Promise<void> {
    await this.deleteTable.execute({ actor, tenantId, tableId });
  }

  @Get(':pmt_uid/data')
  @ApiOperation({
    summary: 'Get PM Table data',
    description:
      '`{rows, count}`: rows in insertion order with lower-case field names, every value a string (NULL as null) and `__index__`, the row\'s 1-based ' +
      'position among the matches. `q={"where":{...}}` filters by equality on every given field (an index-backed jsonb containment). Without `limit`, ' +
      `at most 10,000 rows; \`count\` counts all matches. ${MISSING} ${ACCESS}`,
  })
  @ApiOkResponse({ type: Pm3PmTableDataResponse })
  async data(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Query() query: Pm3PmTableDataQueryDto,
  ): Promise<Pm3PmTableDataResponse> {
    return this.listRows.execute({ actor, tenantId, tableId, q: query.q, start: query.start, limit: query.limit });
  }

  @Post(':pmt_uid/data')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add PM Table data',
    description:
      '201 with the stored row (lower-case names, values as strings). Field names are matched case-insensitively; unknown fields, values of the wrong ' +
      'type or size, NULL (or a missing value) in a field that does not allow it, and a primary key already taken are 400s, nothing stored. A missing ' +
      `auto-increment value is the largest stored so far + 1. ${MISSING} ${ACCESS}`,
  })
  @ApiBody({ schema: PM_TABLE_ROW_BODY })
  @ApiCreatedResponse({ schema: PM_TABLE_ROW_ANSWER })
  async addData(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Body() body: unknown,
  ): Promise<Record<string, string | null>> {
    return this.addRow.execute({ actor, tenantId, tableId, body });
  }

  @Put(':pmt_uid/data')
  @ApiOperation({
    summary: 'Update PM Table data',
    description:
      'The body names the row by the values of ALL its primary-key fields (design.md §8; seed 003 does not say) and carries the fields to change; ' +
      'fields not sent keep their values. 200 with no body. A missing key value, no such row, unknown fields or bad values: 400, nothing changed. ' +
      `A table without key fields cannot be updated row by row. ${MISSING} ${ACCESS}`,
  })
  @ApiBody({ schema: PM_TABLE_ROW_BODY })
  @ApiOkResponse({ description: 'Empty body; the row is updated.' })
  async updateData(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.updateRow.execute({ actor, tenantId, tableId, body });
  }

  @Delete(':pmt_uid/data/:key1/:value1')
  @ApiOperation({ summary: 'Delete PM Table data (one key field)', description: DELETE_ROW + ACCESS })
  @ApiOkResponse({ description: 'Empty body; the row is deleted.' })
  async deleteData1(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Param('key1') key1: string,
    @Param('value1') value1: string,
  ): Promise<void> {
    await this.deleteRow.execute({ actor, tenantId, tableId, key: [[key1, value1]] });
  }

  @Delete(':pmt_uid/data/:key1/:value1/:key2/:value2')
  @ApiOperation({ summary: 'Delete PM Table data (two key fields)', description: DELETE_ROW + ACCESS })
  @ApiOkResponse({ description: 'Empty body; the row is deleted.' })
  async deleteData2(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Param('key1') key1: string,
    @Param('value1') value1: string,
    @Param('key2') key2: string,
    @Param('value2') value2: string,
  ): Promise<void> {
    await this.deleteRow.execute({ actor, tenantId, tableId, key: [[key1, value1], [key2, value2]] });
  }

  @Delete(':pmt_uid/data/:key1/:value1/:key2/:value2/:key3/:value3')
  @ApiOperation({ summary: 'Delete PM Table data (three key fields)', description: DELETE_ROW + ACCESS })
  @ApiOkResponse({ description: 'Empty body; the row is deleted.' })
  async deleteData3(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', PmTableWorkspacePipe) tenantId: string,
    @Param('pmt_uid', PmTableUidPipe) tableId: string,
    @Param('key1') key1: string,
    @Param('value1') value1: string,
    @Param('key2') key2: string,
    @Param('value2') value2: string,
    @Param('key3') key3: string,
    @Param('value3') value3: string,
  ): Promise<void> {
    await this.deleteRow.execute({ actor, tenantId, tableId, key: [[key1, value1], [key2, value2], [key3, value3]] });
  }
}
