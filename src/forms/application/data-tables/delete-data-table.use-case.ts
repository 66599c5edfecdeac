import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';

@Injectable()
export class DeleteDataTable {
  constructor(private readonly tables: DataTableRepository) {}

  /** The table and all its rows (the rows go by the foreign key's cascade, in this transaction). */
  @Transactional()
  async execute(input: { readonly actor: Principal; readonly tenantId: string; readonly tableId: string }): Promise<void> {
    requireDataTableAdmin(input);
    const table = await loadTable(this.tables, input.tenantId, input.tableId, true);
    await this.tables.delete(input.tenantId, table.id);
  }
}
