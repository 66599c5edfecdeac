import { Injectable } from '@nestjs/common';
import { dataTableReference } from '../../domain/data-tables/data-table-reference.js';
import { rowAsStrings } from '../../domain/data-tables/data-table-values.js';
import { DataTableErrors } from '../../domain/data-tables/data-table.errors.js';
import { DataTableRepository, type DataTableRow } from '../../infrastructure/data-tables/data-table.repository.js';

/** Options a form field lists at most from one table. */
export const MAX_OPTIONS = 10_000;

export interface DataTableOption {
  readonly id: string;
  readonly name: string;
}

/**
 * Options of dropdown / radio fields (and Questetra "selection masters") taken from a data table's
 * rows: `idColumn` gives each option's id, `labelColumn` its name, in the rows' order. For the forms
 * context itself (no permission check: the caller renders a form the user may see, in the user's
 * tenant). Rows whose id is NULL are skipped; a NULL label shows the id.
 */
@Injectable()
export class DataTableOptions {
  constructor(private readonly tables: DataTableRepository) {}

  async optionsFor(tenantId: string, tableName: string, idColumn: string | null, labelColumn: string | null): Promise<DataTableOption[]> {
    const table = await this.tables.findByName(tenantId, tableName.toUpperCase());
    if (!table) throw DataTableErrors.notFoundByName(tableName);
    return this.options(table, idColumn, labelColumn);
  }

  /** The options of a field whose `restUrl` names a data table (`pmtable:NAME` or `/api/1.0/{ws}/pmtable/{uid}/data`); null: it names none. */
  async optionsForRestUrl(tenantId: string, restUrl: string, idColumn: string | null, labelColumn: string | null): Promise<DataTableOption[] | null> {
    const ref = dataTableReference(restUrl);
    if (!ref) return null;
    if (ref.kind === 'name') return this.optionsFor(tenantId, ref.name, idColumn, labelColumn);
    const table = await this.tables.find(tenantId, ref.id);
    if (!table) throw DataTableErrors.notFound(ref.id);
    return this.options(table, idColumn, labelColumn);
  }

  /** No `idColumn`: the first key field, else the first field; no `labelColumn`: the id column. */
  private async options(table: DataTableRow, idColumn: string | null, labelColumn: string | null): Promise<DataTableOption[]> {
    const column = (name: string): string => {
      const field = table.fields.find((f) => f.name === name.toUpperCase());
      if (!field) throw DataTableErrors.unknownField(name);
      return field.name.toLowerCase();
    };
    const id = column(idColumn ?? (table.fields.find((f) => f.key) ?? table.fields[0]!).name);
    const label = labelColumn === null ? id : column(labelColumn);
    const page = await this.tables.listRows(table.tenantId, table.id, null, 0, MAX_OPTIONS);
    const out: DataTableOption[] = [];
    for (const texts of page.rows) {
      const row = rowAsStrings(table.fields, texts);
      const value = row[id];
      if (value === null || value === undefined) continue;
      out.push({ id: value, name: row[label] ?? value });
    }
    return out;
  }
}
