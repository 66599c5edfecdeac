import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { describeKey, keyText, parseRowUpdate, partialDocument } from '../../domain/data-tables/data-table-values.js';
import { DataTableErrors } from '../../domain/data-tables/data-table.errors.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';
import { numberRow } from './row-counters.js';

export interface UpdateDataTableRowInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly tableId: string;
  /** Every primary-key field (naming the row) and the fields to change (design.md §8). */
  readonly body: unknown;
}

@Injectable()
export class UpdateDataTableRow {
  constructor(private readonly tables: DataTableRepository) {}

  @Transactional()
  async execute(input: UpdateDataTableRowInput): Promise<void> {
    requireDataTableAdmin(input);
    const table = await loadTable(this.tables, input.tenantId, input.tableId, true);
    const { key, changes } = parseRowUpdate(table.fields, input.body);
    const keyFields = table.fields.filter((f) => f.key);
    const counters = numberRow(
      table.fields.filter((f) => changes.has(f.name) && changes.get(f.name) !== null),
      changes,
      table.counters,
    );
    if (!(await this.tables.updateRow(input.tenantId, table.id, keyText(keyFields, key), partialDocument(changes)))) {
      throw DataTableErrors.rowNotFound(describeKey(keyFields, key));
    }
    await this.tables.recordRowWrite(input.tenantId, table.id, 0, counters);
  }
}
