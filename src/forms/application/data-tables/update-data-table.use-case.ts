import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { mergeFields, parseTableUpdate } from '../../domain/data-tables/data-table-rules.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { loadTable, requireDataTableAdmin } from './data-table-access.js';

export interface UpdateDataTableInput {
  readonly actor: Principal;
  readonly tenantId: string;
  readonly tableId: string;
  /** `{pmt_tab_dsc?, fields?}` as sent. */
  readonly body: unknown;
}

@Injectable()
export class UpdateDataTable {
  constructor(private readonly tables: DataTableRepository) {}

  /**
   * A new description, and fields to add or change (see `mergeFields`); unlisted fields stay. Runs
   * under the definition row's lock, so no row is written meanwhile against the old structure.
   */
  @Transactional()
  async execute(input: UpdateDataTableInput): Promise<void> {
    requireDataTableAdmin(input);
    const table = await loadTable(this.tables, input.tenantId, input.tableId, true);
    const update = parseTableUpdate(input.body);
    let fields = table.fields;
    if (update.fields) {
      // Checked first, numbered after: a refused update draws no field ids.
      const merged = mergeFields(table.fields, update.fields, table.rowCount > 0, () => '');
      const added = merged.slice(table.fields.length);
      const uids = added.length > 0 ? await this.tables.nextFieldUids(added.length) : [];
      fields = merged.map((f, i) => (i < table.fields.length ? f : { ...f, uid: uids[i - table.fields.length]! }));
      for (const field of added) await this.tables.addNullField(input.tenantId, table.id, field.name);
    }
    await this.tables.updateDefinition(input.tenantId, table.id, update.description ?? table.description, fields);
  }
}
