import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { describeKey, keyText, parseKeyPairs } from '../../domain/data-tables/data-table-values.js';
import { DataTableErrors } from '../../domain/data-tables/data-table.errors.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';

export interface DeleteDataTableRowInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly tableId: string;
  /** `{key1}/{value1}[/{key2}/{value2}[/{key3}/{value3}]]` of the path: exactly the table's key fields. */
  readonly key: ReadonlyArray<readonly [string, string]>;
}

@Injectable()
export class DeleteDataTableRow {
  constructor(private readonly tables: DataTableRepository) {}

  @Transactional()
  async execute(input: DeleteDataTableRowInput): Promise<void> {
    requireDataTableAdmin(input);
    const table = await loadTable(this.tables, input.tenantId, input.tableId, true);
    const key = parseKeyPairs(table.fields, input.key);
    const keyFields = table.fields.filter((f) => f.key);
    if (!(await this.tables.deleteRow(input.tenantId, table.id, keyText(keyFields, key)))) throw DataTableErrors.rowNotFound(describeKey(keyFields, key));
    await this.tables.recordRowWrite(input.tenantId, table.id, -1, table.counters);
  }
}
