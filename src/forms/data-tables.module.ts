import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { AddDataTableRow } from './application/data-tables/add-data-table-row.use-case.js';
import { CreateDataTable } from './application/data-tables/create-data-table.use-case.js';
import { DataTableOptions } from './application/data-tables/data-table-options.query.js';
import { DeleteDataTableRow } from './application/data-tables/delete-data-table-row.use-case.js';
import { DeleteDataTable } from './application/data-tables/delete-data-table.use-case.js';
import { GetDataTable } from './application/data-tables/get-data-table.query.js';
import { ListDataTableRows } from './application/data-tables/list-data-table-rows.query.js';
import { ListDataTables } from './application/data-tables/list-data-tables.query.js';
import { UpdateDataTableRow } from './application/data-tables/update-data-table-row.use-case.js';
import { UpdateDataTable } from './application/data-tables/update-data-table.use-case.js';
import { Pm3PmTablesController } from './http/pm3/pm-tables.controller.js';
import { PmTableWorkspacePipe } from './http/pm3/pm-tables.support.js';
import { DataTableRepository } from './infrastructure/data-tables/data-table.repository.js';

/** Data tables (ProcessMaker 3 PM Tables; options of form fields), with their pm3 endpoints. */
@Module({
  imports: [IdentityModule],
  controllers: [Pm3PmTablesController],
  providers: [
    DataTableRepository,
    PmTableWorkspacePipe,
    ListDataTables,
    GetDataTable,
    CreateDataTable,
    UpdateDataTable,
    DeleteDataTable,
    ListDataTableRows,
    AddDataTableRow,
    UpdateDataTableRow,
    DeleteDataTableRow,
    DataTableOptions,
  ],
  exports: [DataTableOptions],
})
export class DataTablesModule {}
