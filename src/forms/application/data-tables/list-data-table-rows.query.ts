import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { parseFilter, rowAsStrings } from '../../domain/data-tables/data-table-values.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';

/** Rows answered when no `limit` is sent: a bound on one answer's size. */
export const DEFAULT_ROW_LIMIT = 10_000;

export interface ListDataTableRowsInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly tableId: string;
  /** `{"where": {...}}` as sent in `q`. */
  readonly q?: string;
  readonly start?: number;
  readonly limit?: number;
}

export interface DataTableRowsPage {
  /** Matching rows in total (not only this page). */
  readonly count: number;
  /** Lower-case field names, values as strings, plus `__index__` (1-based position among the matches). */
  readonly rows: Array<Record<string, string | null>>;
}

@Injectable()
export class ListDataTableRows {
  constructor(private readonly tables: DataTableRepository) {}

  async execute(input: ListDataTableRowsInput): Promise<DataTableRowsPage> {
    requireDataTableAdmin(input);
    const table = await loadTable(this.tables, input.tenantId, input.tableId);
    const filter = parseFilter(table.fields, input.q);
    const start = input.start ?? 0;
    const page = await this.tables.listRows(input.tenantId, table.id, filter, start, input.limit ?? DEFAULT_ROW_LIMIT, table.rowCount);
    return {
      count: page.total,
      rows: page.rows.map((texts, i) => ({ ...rowAsStrings(table.fields, texts), __index__: String(start + i + 1) })),
    };
  }
}
