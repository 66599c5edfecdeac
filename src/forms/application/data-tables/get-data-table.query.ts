import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DataTableRepository, type DataTableRow } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';

@Injectable()
export class GetDataTable {
  constructor(private readonly tables: DataTableRepository) {}

  async execute(input: { readonly actor: Principal; readonly tenantId: string; readonly tableId: string }): Promise<DataTableRow> {
    requireDataTableAdmin(input);
    return loadTable(this.tables, input.tenantId, input.tableId);
  }
}
