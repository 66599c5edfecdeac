import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DataTableRepository, type DataTableRow } from '../../infrastructure/data-tables/data-table.repository.js';
import { requireDataTableAdmin } from './data-table-access.js';

@Injectable()
export class ListDataTables {
  constructor(private readonly tables: DataTableRepository) {}

  /** Every data table of the tenant, by name. */
  async execute(input: { readonly actor: Principal; readonly tenantId: string }): Promise<DataTableRow[]> {
    requireDataTableAdmin(input);
    return this.tables.list(input.tenantId);
  }
}
