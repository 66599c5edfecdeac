import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { DataTableField } from '../../domain/data-tables/data-table-rules.js';

export interface DataTableRow {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly description: string;
  readonly fields: DataTableField[];
  /** Per auto-increment field, the largest value stored so far (as decimal text). */
  readonly counters: Record<string, string>;
  readonly rowCount: number;
}

/** A stored row with every value as PostgreSQL prints it (numbers exactly as stored), by upper-case field name. */
export type RowTexts = Record<string, string | null>;

const TABLE_COLUMNS = `t.id::text AS id, t.tenant_id::text AS "tenantId", t.name, t.description, t.fields, t.counters, t.row_count::int AS "rowCount"`;

/** Values as text: `#>> '{}'` prints a jsonb number with its stored digits, where JSON.parse would round BIGINT and DECIMAL. */
const ROW_TEXTS = `(SELECT jsonb_object_agg(e.key, e.value #>> '{}') FROM jsonb_each(r.data) e) AS v`;

/**
 * Data-table definitions and rows, in SQL with bound parameters only: table and field names are
 * data (jsonb keys and values), never identifiers, so nothing a user sends reaches the SQL text.
 */
@Injectable()
export class DataTableRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Creations of one tenant run one at a time, so that a name is checked and taken atomically. */
  async lockTenant(tenantId: string): Promise<void> {
    await this.uow.query(`SELECT pg_advisory_xact_lock(hashtext('forms.data_tables'), hashtext($1))`, [tenantId]);
  }

  async list(tenantId: string): Promise<DataTableRow[]> {
    return this.uow.query<DataTableRow>(`SELECT ${TABLE_COLUMNS} FROM forms.data_tables t WHERE t.tenant_id = $1 ORDER BY t.name`, [tenantId]);
  }

  /** `lock`: the definition row is locked until the transaction ends; every row write takes it, so writes to one table are serial. */
  async find(tenantId: string, id: string, lock = false): Promise<DataTableRow | undefined> {
    const rows = await this.uow.query<DataTableRow>(
      `SELECT ${TABLE_COLUMNS} FROM forms.data_tables t WHERE t.tenant_id = $1 AND t.id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0];
  }

  async findByName(tenantId: string, name: string): Promise<DataTableRow | undefined> {
    const rows = await this.uow.query<DataTableRow>(`SELECT ${TABLE_COLUMNS} FROM forms.data_tables t WHERE t.tenant_id = $1 AND t.name = $2`, [tenantId, name]);
    return rows[0];
  }

  async nameTaken(tenantId: string, name: string): Promise<boolean> {
    return (await this.uow.query(`SELECT 1 FROM forms.data_tables WHERE tenant_id = $1 AND name = $2`, [tenantId, name])).length > 0;
  }

  async nextFieldUids(count: number): Promise<string[]> {
    const rows = await this.uow.query<{ id: string }>(`SELECT nextval('forms.data_table_field_id_seq')::text AS id FROM generate_series(1, $1::int)`, [count]);
    return rows.map((r) => r.id);
  }

  async insert(tenantId: string, name: string, description: string, fields: readonly DataTableField[]): Promise<string> {
    const rows = await this.uow.query<{ id: string }>(
      `INSERT INTO forms.data_tables (tenant_id, name, description, fields) VALUES ($1, $2, $3, $4::jsonb) RETURNING id::text AS id`,
      [tenantId, name, description, JSON.stringify(fields)],
    );
    return rows[0]!.id;
  }

  async updateDefinition(tenantId: string, id: string, description: string, fields: readonly DataTableField[]): Promise<void> {
    await this.uow.query(`UPDATE forms.data_tables SET description = $3, fields = $4::jsonb, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      description,
      JSON.stringify(fields),
    ]);
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.uow.query(`DELETE FROM forms.data_tables WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /** Rows written before a field existed get it as null, so that `{"F": null}` filters find them. */
  async addNullField(tenantId: string, tableId: string, name: string): Promise<void> {
    await this.uow.query(
      `UPDATE forms.data_table_rows SET data = data || jsonb_build_object($3::text, null) WHERE tenant_id = $1 AND table_id = $2 AND NOT data ? $3::text`,
      [tenantId, tableId, name],
    );
  }

  /** Row count and counters after a row write (under the definition row's lock). */
  async recordRowWrite(tenantId: string, tableId: string, rowDelta: number, counters: Record<string, string>): Promise<void> {
    await this.uow.query(
      `UPDATE forms.data_tables SET row_count = row_count + $3, counters = $4::jsonb, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, tableId, rowDelta, JSON.stringify(counters)],
    );
  }

  /** The new row as text values, or undefined when its key is taken. */
  async insertRow(tenantId: string, tableId: string, key: string | null, document: string): Promise<RowTexts | undefined> {
    const rows = await this.uow.query<{ v: RowTexts }>(
      `INSERT INTO forms.data_table_rows AS r (tenant_id, table_id, key, data) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (tenant_id, table_id, key) WHERE key IS NOT NULL DO NOTHING
       RETURNING ${ROW_TEXTS}`,
      [tenantId, tableId, key, document],
    );
    return rows[0]?.v;
  }

  /** Merges `patch` into the row with `key`; false when there is none. */
  async updateRow(tenantId: string, tableId: string, key: string, patch: string): Promise<boolean> {
    const rows = await this.uow.query(
      `UPDATE forms.data_table_rows SET data = data || $4::jsonb WHERE tenant_id = $1 AND table_id = $2 AND key = $3 RETURNING 1`,
      [tenantId, tableId, key, patch],
    );
    return rows.length > 0;
  }

  async deleteRow(tenantId: string, tableId: string, key: string): Promise<boolean> {
    const rows = await this.uow.query(`DELETE FROM forms.data_table_rows WHERE tenant_id = $1 AND table_id = $2 AND key = $3 RETURNING 1`, [
      tenantId,
      tableId,
      key,
    ]);
    return rows.length > 0;
  }

  /**
   * Rows in insertion order, optionally filtered by containment (`data @> filter`, served by the GIN
   * index). The filtered statement is planned for its value each time (an unnamed statement): a
   * generic plan, which the prepared-statement cache settles on, cannot judge the filter's
   * selectivity and may walk the whole table instead of the index.
   */
  async listRows(
    tenantId: string,
    tableId: string,
    filter: string | null,
    offset: number,
    limit: number,
    /** The table's row count, kept by every row write: counting 100,000 rows again costs more than the page. */
    rowCount?: number,
  ): Promise<{ total: number; rows: RowTexts[] }> {
    type Listed = { v: RowTexts | null };
    let rows: Listed[];
    if (filter === null) {
      rows = await this.uow.query<Listed>(
        `SELECT ${ROW_TEXTS} FROM forms.data_table_rows r WHERE r.tenant_id = $1 AND r.table_id = $2 ORDER BY r.row_id OFFSET $3 LIMIT $4`,
        [tenantId, tableId, offset, limit],
      );
    } else {
      rows = (await this.uow.manager.query(
        `SELECT ${ROW_TEXTS} FROM forms.data_table_rows r WHERE r.tenant_id = $1 AND r.table_id = $2 AND r.data @> $3::jsonb ORDER BY r.row_id OFFSET $4 LIMIT $5`,
        [tenantId, tableId, filter, offset, limit],
      )) as Listed[];
    }
    let total = offset + rows.length;
    if (filter === null && rowCount !== undefined) total = rowCount;
    else if (rows.length === limit || (rows.length === 0 && offset > 0)) total = await this.count(tenantId, tableId, filter);
    return { total, rows: rows.map((r) => r.v ?? {}) };
  }

  private async count(tenantId: string, tableId: string, filter: string | null): Promise<number> {
    if (filter === null) {
      const rows = await this.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM forms.data_table_rows WHERE tenant_id = $1 AND table_id = $2`, [tenantId, tableId]);
      return rows[0]!.n;
    }
    const rows = (await this.uow.manager.query(
      `SELECT count(*)::int AS n FROM forms.data_table_rows WHERE tenant_id = $1 AND table_id = $2 AND data @> $3::jsonb`,
      [tenantId, tableId, filter],
    )) as Array<{ n: number }>;
    return rows[0]!.n;
  }
}
