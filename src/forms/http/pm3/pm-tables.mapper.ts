import { pm3Id } from '../../../../libs/dialects/ids.js';
import { className } from '../../domain/data-tables/data-table-rules.js';
import type { DataTableRow } from '../../infrastructure/data-tables/data-table.repository.js';
import type { Pm3CreatedPmTableResponse, Pm3PmTableResponse } from './pm-tables.dto.js';

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

function header(t: DataTableRow) {
  return {
    pmt_uid: pm3Id.encode(t.id),
    pmt_tab_name: t.name,
    pmt_tab_description: t.description,
    pmt_tab_class_name: className(t.name),
    pmt_num_rows: t.rowCount,
  };
}

/** GET /pmtable and /pmtable/{uid}: field properties as strings, as seed 003 shows them there. */
export function toPm3PmTable(t: DataTableRow): Pm3PmTableResponse {
  return {
    ...header(t),
    fields: t.fields.map((f, i) => ({
      fld_uid: pm3Id.encode(f.uid),
      fld_index: String(i),
      fld_name: f.name,
      fld_description: f.label,
      fld_type: f.type,
      fld_size: f.size === null ? null : String(f.size),
      fld_null: String(bit(f.nullable)),
      fld_auto_increment: String(bit(f.autoIncrement)),
      fld_key: String(bit(f.key)),
      fld_table_index: '0',
    })),
  };
}

/** POST /pmtable: the same object with numbers as numbers, as seed 003's create example shows it. */
export function toPm3CreatedPmTable(t: DataTableRow): Pm3CreatedPmTableResponse {
  return {
    ...header(t),
    fields: t.fields.map((f, i) => ({
      fld_uid: pm3Id.encode(f.uid),
      fld_index: i,
      fld_name: f.name,
      fld_description: f.label,
      fld_type: f.type,
      fld_size: f.size,
      fld_null: bit(f.nullable),
      fld_auto_increment: bit(f.autoIncrement),
      fld_key: bit(f.key),
      fld_table_index: 0,
    })),
  };
}
