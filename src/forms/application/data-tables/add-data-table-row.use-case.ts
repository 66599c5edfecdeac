import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { describeKey, keyText, parseNewRow, rowAsStrings, rowDocument } from '../../domain/data-tables/data-table-values.js';
import { DataTableErrors } from '../../domain/data-tables/data-table.errors.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';
import { numberRow } from './row-counters.js';

export interface AddDataTableRowInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly tableId: string;
  /** `{"FIELD": value, ...}` as sent; names are matched case-insensitively. */
  readonly body: unknown;
}

@Injectable()
export class AddDataTableRow {
  constructor(private readonly tables: DataTableRepository) {}

  /** Answers the stored row: lower-case names, values as strings. */
  @Transactional()
  async execute(input: AddDataTableRowInput): Promise<Record<string, string | null>> {
    requireDataTableAdmin(input);
    const table = await loadTable(this.tables, input.tenantId, input.tableId, true);
    const values = parseNewRow(table.fields, input.body);
    const counters = numberRow(table.fields, values, table.counters);
    const keyFields = table.fields.filter((f) => f.key);
    const key = keyFields.length > 0 ? keyText(keyFields, values) : null;
    const stored = await this.tables.insertRow(input.tenantId, table.id, key, rowDocument(table.fields, values));
    if (!stored) throw DataTableErrors.duplicateKey(describeKey(keyFields, values));
    await this.tables.recordRowWrite(input.tenantId, table.id, 1, counters);
    return rowAsStrings(table.fields, stored);
  }
}
