import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { answerProblems, type Json } from '../../support/openapi.js';
import { auth, createUser, expectPm3Error, PASSWORD, WS } from './pm3-support.js';

interface PmField {
  fld_uid: string;
  fld_index: string | number;
  fld_name: string;
  fld_description: string;
  fld_type: string;
  fld_size: string | number | null;
  fld_null: string | number;
  fld_auto_increment: string | number;
  fld_key: string | number;
  fld_table_index: string | number;
}

interface PmTable {
  pmt_uid: string;
  pmt_tab_name: string;
  pmt_tab_description: string;
  pmt_tab_class_name: string;
  pmt_num_rows: number;
  fields: PmField[];
}

type Row = Record<string, string | null>;

const UID = /^\d{32}$/;
const MISSING_UID = '00000000000000000000000000999999';

/** Seed 003's create example, verbatim but for the name. */
const CONTRACTS = {
  pmt_tab_name: 'pmt_contracts',
  pmt_tab_dsc: 'Contracts for accounting services',
  fields: [
    { fld_name: 'ID', fld_label: 'ID number', fld_type: 'INTEGER', fld_size: 8, fld_key: 1, fld_null: 0, fld_autoincrement: 1 },
    { fld_name: 'NAME', fld_label: 'Contractor Name', fld_type: 'VARCHAR', fld_size: 120 },
    { fld_name: 'AMOUNT', fld_label: 'Contract Amount', fld_type: 'DECIMAL' },
    { fld_name: 'DUE_DATE', fld_label: 'Contract Due Date', fld_type: 'DATE' },
  ],
};

describe('pm3 PM Tables: /api/1.0/{workspace}/pmtable and its data', () => {
  let t: TestApp;
  const as = () => t.adminBasic;
  const create = async (body: unknown): Promise<PmTable> => (await t.http().post(`${WS}/pmtable`).set('Authorization', as()).send(body as object).expect(201)).body as PmTable;
  const get = async (uid: string): Promise<PmTable> => (await t.http().get(`${WS}/pmtable/${uid}`).set('Authorization', as()).expect(200)).body as PmTable;
  const data = async (uid: string, query: Record<string, string> = {}): Promise<{ rows: Row[]; count: number }> =>
    (await t.http().get(`${WS}/pmtable/${uid}/data`).query(query).set('Authorization', as()).expect(200)).body as { rows: Row[]; count: number };
  const add = async (uid: string, row: Record<string, unknown>): Promise<Row> =>
    (await t.http().post(`${WS}/pmtable/${uid}/data`).set('Authorization', as()).send(row).expect(201)).body as Row;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('structure', () => {
    let contracts: PmTable;

    it('POST /pmtable answers 201 with the table: upper-cased name, class name, numbers as numbers, defaults of seed 003', async () => {
      const res = await t.http().post(`${WS}/pmtable`).set('Authorization', as()).send(CONTRACTS);
      expect(res.status).toBe(201);
      contracts = res.body as PmTable;
      expect(contracts).toEqual({
        pmt_uid: expect.stringMatching(UID),
        pmt_tab_name: 'PMT_CONTRACTS',
        pmt_tab_description: 'Contracts for accounting services',
        pmt_tab_class_name: 'PmtContracts',
        pmt_num_rows: 0,
        fields: [
          { fld_uid: expect.stringMatching(UID), fld_index: 0, fld_name: 'ID', fld_description: 'ID number', fld_type: 'INTEGER', fld_size: 8, fld_null: 0, fld_auto_increment: 1, fld_key: 1, fld_table_index: 0 },
          { fld_uid: expect.stringMatching(UID), fld_index: 1, fld_name: 'NAME', fld_description: 'Contractor Name', fld_type: 'VARCHAR', fld_size: 120, fld_null: 1, fld_auto_increment: 0, fld_key: 0, fld_table_index: 0 },
          { fld_uid: expect.stringMatching(UID), fld_index: 2, fld_name: 'AMOUNT', fld_description: 'Contract Amount', fld_type: 'DECIMAL', fld_size: null, fld_null: 1, fld_auto_increment: 0, fld_key: 0, fld_table_index: 0 },
          { fld_uid: expect.stringMatching(UID), fld_index: 3, fld_name: 'DUE_DATE', fld_description: 'Contract Due Date', fld_type: 'DATE', fld_size: null, fld_null: 1, fld_auto_increment: 0, fld_key: 0, fld_table_index: 0 },
        ],
      });
      expect(new Set(contracts.fields.map((f) => f.fld_uid)).size).toBe(4);
    });

    it('GET /pmtable/{uid} answers the structure with field properties as strings, as seed 003 shows them', async () => {
      const table = await get(contracts.pmt_uid);
      expect(table).toEqual({
        ...contracts,
        fields: contracts.fields.map((f) => ({
          ...f,
          fld_index: String(f.fld_index),
          fld_size: f.fld_size === null ? null : String(f.fld_size),
          fld_null: String(f.fld_null),
          fld_auto_increment: String(f.fld_auto_increment),
          fld_key: String(f.fld_key),
          fld_table_index: '0',
        })),
      });
    });

    it('GET /pmtable lists the tables of the workspace by name, each with its fields and row count', async () => {
      const clients = await create({
        pmt_tab_name: 'PMT_CLIENTS',
        fields: [{ fld_name: 'id', fld_type: 'bigint', fld_key: 1 }, { fld_name: 'company_name', fld_label: 'CompanyName', fld_type: 'VARCHAR', fld_size: 50 }],
      });
      expect(clients.pmt_tab_description).toBe('');
      expect(clients.fields.map((f) => [f.fld_name, f.fld_description, f.fld_type, f.fld_null])).toEqual([
        ['ID', 'ID', 'BIGINT', 0],
        ['COMPANY_NAME', 'CompanyName', 'VARCHAR', 1],
      ]);
      const res = await t.http().get(`${WS}/pmtable`).set('Authorization', as()).expect(200);
      const list = res.body as PmTable[];
      expect(list.map((x) => x.pmt_tab_name)).toEqual(['PMT_CLIENTS', 'PMT_CONTRACTS']);
      expect(list[1]).toEqual(await get(contracts.pmt_uid));
      expect(list[0]!.fields[0]).toEqual(expect.objectContaining({ fld_index: '0', fld_name: 'ID', fld_type: 'BIGINT', fld_size: null, fld_key: '1', fld_null: '0' }));
    });

    it('every type of seed 003 is accepted with its size rules (optional, required, absent), fld_dyn is ignored', async () => {
      const table = await create({
        pmt_tab_name: 'PMT_ALL_TYPES',
        fields: [
          { fld_name: 'B', fld_type: 'BOOLEAN', fld_size: 1 },
          { fld_name: 'TI', fld_type: 'TINYINT', fld_size: 3 },
          { fld_name: 'SI', fld_type: 'SMALLINT', fld_size: '5' },
          { fld_name: 'I', fld_type: 'INTEGER', fld_size: 10 },
          { fld_name: 'BI', fld_type: 'BIGINT', fld_size: 19 },
          { fld_name: 'F', fld_type: 'FLOAT', fld_size: 39 },
          { fld_name: 'R', fld_type: 'REAL', fld_size: 309 },
          { fld_name: 'D', fld_type: 'DECIMAL', fld_size: 63 },
          { fld_name: 'DB', fld_type: 'DOUBLE' },
          { fld_name: 'C', fld_type: 'CHAR', fld_size: 255 },
          { fld_name: 'V', fld_type: 'VARCHAR', fld_size: 65535 },
          { fld_name: 'LV', fld_type: 'LONGVARCHAR', fld_size: null },
          { fld_name: 'DT', fld_type: 'DATE' },
          { fld_name: 'TM', fld_type: 'TIME' },
          { fld_name: 'DTM', fld_type: 'DATETIME' },
          { fld_name: 'TS', fld_type: 'TIMESTAMP', fld_dyn: 'someDynaformField' },
        ],
      });
      expect(table.fields.map((f) => `${f.fld_name}:${f.fld_type}:${String(f.fld_size)}`)).toEqual([
        'B:BOOLEAN:1', 'TI:TINYINT:3', 'SI:SMALLINT:5', 'I:INTEGER:10', 'BI:BIGINT:19', 'F:FLOAT:39', 'R:REAL:309', 'D:DECIMAL:63', 'DB:DOUBLE:null',
        'C:CHAR:255', 'V:VARCHAR:65535', 'LV:LONGVARCHAR:null', 'DT:DATE:null', 'TM:TIME:null', 'DTM:DATETIME:null', 'TS:TIMESTAMP:null',
      ]);
      const row = await add(table.pmt_uid, {
        B: true, TI: -128, SI: '32767', I: 2147483647, BI: '9223372036854775807', F: 1.5, R: -2.25, D: '123456789012345678901234567890.125', DB: 1e300,
        C: 'x', V: 'long text', LV: 'ü'.repeat(1000), DT: '2024-02-29', TM: '23:59:59', DTM: '2015-10-31 14:04:45', TS: '1000-01-01 00:00:00',
      });
      expect(row).toEqual({
        b: '1', ti: '-128', si: '32767', i: '2147483647', bi: '9223372036854775807', f: '1.5', r: '-2.25', d: '123456789012345678901234567890.13',
        db: expect.stringMatching(/^1000000000000000/), c: 'x', v: 'long text', lv: 'ü'.repeat(1000), dt: '2024-02-29', tm: '23:59:59',
        dtm: '2015-10-31 14:04:45', ts: '1000-01-01 00:00:00',
      });
      // Stored typed: numbers are JSON numbers (exact), BOOLEAN 1/0, dates strings.
      const [stored] = await sql<{ bi: string; d: string; b: string; dt: string }>(
        t,
        `SELECT jsonb_typeof(data->'BI') AS bi, jsonb_typeof(data->'D') AS d, data->>'B' AS b, jsonb_typeof(data->'DT') AS dt FROM forms.data_table_rows r
           JOIN forms.data_tables t ON t.id = r.table_id WHERE t.name = 'PMT_ALL_TYPES'`,
      );
      expect(stored).toEqual({ bi: 'number', d: 'number', b: '1', dt: 'string' });
      const read = await data(table.pmt_uid);
      expect(read).toEqual({ rows: [{ ...row, __index__: '1' }], count: 1 });
    });

    it('PUT /pmtable/{uid} changes the description (rep_tab_dsc of the seed\'s example too) and adds fields; unlisted fields stay; 200 with no body', async () => {
      const before = await get(contracts.pmt_uid);
      const res = await t
        .http()
        .put(`${WS}/pmtable/${contracts.pmt_uid}`)
        .set('Authorization', as())
        .send({ rep_tab_dsc: 'descripcion de la tabla', fields: [{ fld_name: 'CAMPO', fld_label: 'CAMPITO', fld_type: 'VARCHAR', fld_size: 200 }] });
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const after = await get(contracts.pmt_uid);
      expect(after.pmt_tab_description).toBe('descripcion de la tabla');
      expect(after.fields.slice(0, 4)).toEqual(before.fields);
      expect(after.fields[4]).toEqual(expect.objectContaining({ fld_index: '4', fld_name: 'CAMPO', fld_description: 'CAMPITO', fld_type: 'VARCHAR', fld_size: '200', fld_null: '1' }));
      await t.http().put(`${WS}/pmtable/${contracts.pmt_uid}`).set('Authorization', as()).send({ pmt_tab_dsc: 'Contracts' }).expect(200);
      expect((await get(contracts.pmt_uid)).pmt_tab_description).toBe('Contracts');
    });

    it('an empty table may be redefined freely; a table with rows only grows (label, size up, NULL allowed, new nullable fields)', async () => {
      const table = await create({ pmt_tab_name: 'PMT_REDEFINE', fields: [{ fld_name: 'CODE', fld_type: 'VARCHAR', fld_size: 10, fld_key: 1 }, { fld_name: 'QTY', fld_type: 'INTEGER', fld_null: 0 }] });
      const put = (fields: unknown[]) => t.http().put(`${WS}/pmtable/${table.pmt_uid}`).set('Authorization', as()).send({ fields });
      await put([{ fld_name: 'QTY', fld_type: 'BIGINT', fld_key: 1 }]).expect(200);
      expect((await get(table.pmt_uid)).fields.map((f) => [f.fld_name, f.fld_type, f.fld_key])).toEqual([['CODE', 'VARCHAR', '1'], ['QTY', 'BIGINT', '1']]);
      await add(table.pmt_uid, { CODE: 'A', QTY: 1 });
      await put([{ fld_name: 'CODE', fld_label: 'Code', fld_type: 'VARCHAR', fld_size: 20, fld_key: 1 }, { fld_name: 'NOTE', fld_type: 'LONGVARCHAR' }]).expect(200);
      const after = await get(table.pmt_uid);
      expect(after.fields.map((f) => [f.fld_name, f.fld_description, f.fld_size])).toEqual([['CODE', 'Code', '20'], ['QTY', 'QTY', null], ['NOTE', 'NOTE', null]]);
      // The rows written before NOTE existed have it as NULL, and a NULL filter finds them.
      expect((await data(table.pmt_uid, { q: JSON.stringify({ where: { note: null } }) })).rows).toEqual([{ code: 'A', qty: '1', note: null, __index__: '1' }]);
    });

    it('DELETE /pmtable/{uid} removes the table and all its rows; 200 with no body; then it does not exist', async () => {
      const table = await create({ pmt_tab_name: 'PMT_DOOMED', fields: [{ fld_name: 'X', fld_type: 'INTEGER' }] });
      await add(table.pmt_uid, { X: 1 });
      await add(table.pmt_uid, { X: 2 });
      const res = await t.http().delete(`${WS}/pmtable/${table.pmt_uid}`).set('Authorization', as());
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expectPm3Error(await t.http().get(`${WS}/pmtable/${table.pmt_uid}`).set('Authorization', as()), 400, `Bad Request: The PM Table with pmt_uid: '${table.pmt_uid}' does not exist.`);
      expect(await sql(t, `SELECT 1 FROM forms.data_table_rows WHERE table_id = $1`, [table.pmt_uid.replace(/^0+/, '')])).toEqual([]);
      // The name is free again.
      await create({ pmt_tab_name: 'PMT_DOOMED', fields: [{ fld_name: 'Y', fld_type: 'DATE' }] });
    });
  });

  describe('data', () => {
    let clients: PmTable;

    beforeAll(async () => {
      clients = await create({
        pmt_tab_name: 'PMT_CUSTOMERS',
        fields: [
          { fld_name: 'ID', fld_type: 'BIGINT', fld_size: 8, fld_key: 1, fld_autoincrement: 1 },
          { fld_name: 'COMPANY_NAME', fld_type: 'VARCHAR', fld_size: 50, fld_null: 0 },
          { fld_name: 'ADDRESS', fld_type: 'VARCHAR', fld_size: 100 },
          { fld_name: 'HAS_CONTRACT', fld_type: 'BOOLEAN' },
          { fld_name: 'AMOUNT', fld_type: 'DECIMAL', fld_size: 6 },
          { fld_name: 'SINCE', fld_type: 'DATETIME' },
        ],
      });
    });

    it('POST /pmtable/{uid}/data answers 201 with the stored row: lower-case names, every value a string, auto-increment numbering', async () => {
      const res = await t
        .http()
        .post(`${WS}/pmtable/${clients.pmt_uid}/data`)
        .set('Authorization', as())
        .send({ COMPANY_NAME: 'Western Fuels Corp.', ADDRESS: '235 W. Elm St, Greenwood, NC 34928', HAS_CONTRACT: 1, AMOUNT: 13435.99, SINCE: '2015-10-31 14:04:45' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ id: '1', company_name: 'Western Fuels Corp.', address: '235 W. Elm St, Greenwood, NC 34928', has_contract: '1', amount: '13435.99', since: '2015-10-31 14:04:45' });
      // Names are case-insensitive; missing nullable fields are NULL; DECIMAL always has 2 decimals.
      expect(await add(clients.pmt_uid, { company_name: 'Wrightspeed Transport', has_contract: false, amount: '7' })).toEqual({
        id: '2', company_name: 'Wrightspeed Transport', address: null, has_contract: '0', amount: '7.00', since: null,
      });
      // An explicit value is kept and raises the counter.
      expect((await add(clients.pmt_uid, { ID: 10, COMPANY_NAME: 'Albemarle Chemical', HAS_CONTRACT: '1' })).id).toBe('10');
      expect((await add(clients.pmt_uid, { COMPANY_NAME: 'Next One' })).id).toBe('11');
      expect((await get(clients.pmt_uid)).pmt_num_rows).toBe(4);
    });

    it('GET /pmtable/{uid}/data answers {rows, count} in insertion order with __index__; q={"where":…} filters by equality on typed values', async () => {
      const all = await data(clients.pmt_uid);
      expect(all.count).toBe(4);
      expect(all.rows.map((r) => [r.id, r.__index__])).toEqual([['1', '1'], ['2', '2'], ['10', '3'], ['11', '4']]);
      expect(all.rows[0]).toEqual({ id: '1', company_name: 'Western Fuels Corp.', address: '235 W. Elm St, Greenwood, NC 34928', has_contract: '1', amount: '13435.99', since: '2015-10-31 14:04:45', __index__: '1' });

      const where = async (w: Record<string, unknown>) => (await data(clients.pmt_uid, { q: JSON.stringify({ where: w }) })).rows.map((r) => r.id);
      expect(await where({ has_contract: '1' })).toEqual(['1', '10']);
      expect(await where({ HAS_CONTRACT: true })).toEqual(['1', '10']);
      expect(await where({ has_contract: 1, company_name: 'Albemarle Chemical' })).toEqual(['10']);
      expect(await where({ id: '2' })).toEqual(['2']);
      expect(await where({ amount: 7 })).toEqual(['2']);
      expect(await where({ amount: '13435.990' })).toEqual(['1']);
      expect(await where({ address: null })).toEqual(['2', '10', '11']);
      expect(await where({ company_name: 'nobody' })).toEqual([]);
      expect(await where({})).toEqual(['1', '2', '10', '11']);
      const filtered = await data(clients.pmt_uid, { q: JSON.stringify({ where: { has_contract: 1 } }) });
      expect(filtered.count).toBe(2);
      expect(filtered.rows.map((r) => r.__index__)).toEqual(['1', '2']);
    });

    it('start and limit page the rows; count stays the number of all matches and __index__ the position among them', async () => {
      const page = await data(clients.pmt_uid, { start: '1', limit: '2' });
      expect(page.count).toBe(4);
      expect(page.rows.map((r) => [r.id, r.__index__])).toEqual([['2', '2'], ['10', '3']]);
      expect(await data(clients.pmt_uid, { start: '10' })).toEqual({ rows: [], count: 4 });
    });

    it('PUT /pmtable/{uid}/data names the row by its key fields in the body and changes only the fields sent; 200 with no body', async () => {
      const res = await t.http().put(`${WS}/pmtable/${clients.pmt_uid}/data`).set('Authorization', as()).send({ id: '2', ADDRESS: '2845 MLK Drive', HAS_CONTRACT: 1 });
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const row = (await data(clients.pmt_uid, { q: '{"where":{"ID":2}}' })).rows[0];
      expect(row).toEqual({ id: '2', company_name: 'Wrightspeed Transport', address: '2845 MLK Drive', has_contract: '1', amount: '7.00', since: null, __index__: '1' });
      // Form-encoded bodies work as well (ProcessMaker clients URL-encode PUT parameters).
      await t.http().put(`${WS}/pmtable/${clients.pmt_uid}/data`).set('Authorization', as()).type('form').send({ ID: '2', AMOUNT: '8.5' }).expect(200);
      expect((await data(clients.pmt_uid, { q: '{"where":{"ID":2}}' })).rows[0]!.amount).toBe('8.50');
    });

    it('DELETE /pmtable/{uid}/data/{key}/{value} deletes one row (key name case-insensitive); 200 with no body', async () => {
      const res = await t.http().delete(`${WS}/pmtable/${clients.pmt_uid}/data/id/11`).set('Authorization', as());
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      expect((await data(clients.pmt_uid)).rows.map((r) => r.id)).toEqual(['1', '2', '10']);
      expect((await get(clients.pmt_uid)).pmt_num_rows).toBe(3);
      // The counter does not go back: the next number is still 12.
      expect((await add(clients.pmt_uid, { COMPANY_NAME: 'After delete' })).id).toBe('12');
    });

    it('tables with 2 and 3 key fields: a row is updated by its whole key and deleted by all its key pairs, in any order', async () => {
      const two = await create({
        pmt_tab_name: 'PMT_TWO_KEYS',
        fields: [{ fld_name: 'COUNTRY', fld_type: 'CHAR', fld_size: 2, fld_key: 1 }, { fld_name: 'CODE', fld_type: 'INTEGER', fld_key: 1 }, { fld_name: 'LABEL', fld_type: 'VARCHAR', fld_size: 40 }],
      });
      await add(two.pmt_uid, { COUNTRY: 'JP', CODE: 1, LABEL: 'Tokyo' });
      await add(two.pmt_uid, { COUNTRY: 'JP', CODE: 2, LABEL: 'Osaka' });
      await add(two.pmt_uid, { COUNTRY: 'US', CODE: 1, LABEL: 'New York' });
      await t.http().delete(`${WS}/pmtable/${two.pmt_uid}/data/CODE/2/COUNTRY/JP`).set('Authorization', as()).expect(200);
      expect((await data(two.pmt_uid)).rows.map((r) => r.label)).toEqual(['Tokyo', 'New York']);
      await t.http().put(`${WS}/pmtable/${two.pmt_uid}/data`).set('Authorization', as()).send({ COUNTRY: 'US', CODE: '1', LABEL: 'NYC' }).expect(200);
      expect((await data(two.pmt_uid)).rows.map((r) => r.label)).toEqual(['Tokyo', 'NYC']);

      const three = await create({
        pmt_tab_name: 'PMT_THREE_KEYS',
        fields: [
          { fld_name: 'Y', fld_type: 'SMALLINT', fld_key: 1 },
          { fld_name: 'D', fld_type: 'DATE', fld_key: 1 },
          { fld_name: 'S', fld_type: 'VARCHAR', fld_size: 20, fld_key: 1 },
          { fld_name: 'V', fld_type: 'DOUBLE' },
        ],
      });
      await add(three.pmt_uid, { Y: 2024, D: '2024-01-01', S: 'a b/c', V: 1.25 });
      await add(three.pmt_uid, { Y: 2024, D: '2024-01-01', S: 'other', V: 2 });
      await t
        .http()
        .delete(`${WS}/pmtable/${three.pmt_uid}/data/S/${encodeURIComponent('a b/c')}/Y/2024/d/2024-01-01`)
        .set('Authorization', as())
        .expect(200);
      expect((await data(three.pmt_uid)).rows).toEqual([{ y: '2024', d: '2024-01-01', s: 'other', v: '2', __index__: '1' }]);
    });

    it('concurrent inserts into one auto-increment table never draw the same number', async () => {
      const table = await create({ pmt_tab_name: 'PMT_CONCURRENT', fields: [{ fld_name: 'N', fld_type: 'INTEGER', fld_key: 1, fld_autoincrement: 1 }, { fld_name: 'WHO', fld_type: 'INTEGER' }] });
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => t.http().post(`${WS}/pmtable/${table.pmt_uid}/data`).set('Authorization', as()).send({ WHO: i })),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(40).fill(201));
      const numbers = answers.map((r) => Number((r.body as Row).n)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect((await get(table.pmt_uid)).pmt_num_rows).toBe(40);
      expect((await data(table.pmt_uid)).count).toBe(40);
    });
  });

  describe('access and tenants', () => {
    let table: PmTable;
    let acmeTable: PmTable;
    let operator: string;

    beforeAll(async () => {
      table = await create({ pmt_tab_name: 'PMT_ACCESS', fields: [{ fld_name: 'K', fld_type: 'INTEGER', fld_key: 1 }] });
      await add(table.pmt_uid, { K: 1 });
      await createUser(t, 'opal');
      operator = auth('opal');
      await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'acme', 'Acme')`);
      // The bootstrap admin is tenant manager, so it may work in another workspace.
      acmeTable = (await t.http().post('/api/1.0/acme/pmtable').set('Authorization', as()).send({ pmt_tab_name: 'PMT_ACCESS', fields: [{ fld_name: 'K', fld_type: 'INTEGER', fld_key: 1 }] }).expect(201)).body as PmTable;
    });

    it('an operator gets 403 on every route, and nothing changes', async () => {
      const before = await sql(t, `SELECT id, name, fields, row_count FROM forms.data_tables ORDER BY id`);
      const base = `${WS}/pmtable/${table.pmt_uid}`;
      const calls = [
        t.http().get(`${WS}/pmtable`),
        t.http().get(base),
        t.http().post(`${WS}/pmtable`).send({ pmt_tab_name: 'PMT_OP', fields: [{ fld_name: 'A', fld_type: 'INTEGER' }] }),
        t.http().put(base).send({ pmt_tab_dsc: 'x' }),
        t.http().delete(base),
        t.http().get(`${base}/data`),
        t.http().post(`${base}/data`).send({ K: 2 }),
        t.http().put(`${base}/data`).send({ K: 1 }),
        t.http().delete(`${base}/data/K/1`),
      ];
      for (const call of calls) {
        const res = await call.set('Authorization', operator);
        expectPm3Error(res, 403, /^Forbidden: /);
      }
      expect(await sql(t, `SELECT id, name, fields, row_count FROM forms.data_tables ORDER BY id`)).toEqual(before);
    });

    it('without credentials: 401', async () => {
      expectPm3Error(await t.http().get(`${WS}/pmtable`), 401, /^Unauthorized: /);
      expectPm3Error(await t.http().get(`${WS}/pmtable/${table.pmt_uid}/data`), 401, /^Unauthorized: /);
    });

    it('a user holding PM_SETUP_PM_TABLES (no admin role) may work with tables', async () => {
      await insertUser(t, { username: 'tess', password: PASSWORD, authorities: ['PM_LOGIN', 'PM_SETUP_PM_TABLES'] });
      const res = await t.http().get(`${WS}/pmtable/${table.pmt_uid}/data`).set('Authorization', auth('tess')).expect(200);
      expect((res.body as { count: number }).count).toBe(1);
    });

    it('a table of another workspace does not exist here (400), on every route; the same name is free in each workspace', async () => {
      expect(acmeTable.pmt_tab_name).toBe('PMT_ACCESS');
      const before = await sql(t, `SELECT id, tenant_id, name, fields, row_count FROM forms.data_tables ORDER BY id`);
      for (const uid of [acmeTable.pmt_uid, MISSING_UID]) {
        const message = `Bad Request: The PM Table with pmt_uid: '${uid}' does not exist.`;
        const base = `${WS}/pmtable/${uid}`;
        expectPm3Error(await t.http().get(base).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().put(base).set('Authorization', as()).send({ pmt_tab_dsc: 'x' }), 400, message);
        expectPm3Error(await t.http().delete(base).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().get(`${base}/data`).set('Authorization', as()), 400, message);
        expectPm3Error(await t.http().post(`${base}/data`).set('Authorization', as()).send({ K: 5 }), 400, message);
        expectPm3Error(await t.http().put(`${base}/data`).set('Authorization', as()).send({ K: 5 }), 400, message);
        expectPm3Error(await t.http().delete(`${base}/data/K/5`).set('Authorization', as()), 400, message);
      }
      expect(await sql(t, `SELECT id, tenant_id, name, fields, row_count FROM forms.data_tables ORDER BY id`)).toEqual(before);
      const list = (await t.http().get(`${WS}/pmtable`).set('Authorization', as()).expect(200)).body as PmTable[];
      expect(list.map((x) => x.pmt_uid)).not.toContain(acmeTable.pmt_uid);
    });

    it('a user of another workspace cannot reach this workspace\'s tables (403), an unknown workspace is a 400', async () => {
      await insertUser(t, { username: 'acmeadmin', password: PASSWORD, tenantId: 2, authorities: ['PM_LOGIN', 'PM_SETUP_PM_TABLES'] });
      expectPm3Error(await t.http().get(`${WS}/pmtable/${table.pmt_uid}/data`).set('Authorization', auth('acmeadmin')), 403, /^Forbidden: /);
      expect(((await t.http().get('/api/1.0/acme/pmtable').set('Authorization', auth('acmeadmin')).expect(200)).body as PmTable[]).map((x) => x.pmt_uid)).toEqual([acmeTable.pmt_uid]);
      expectPm3Error(await t.http().get('/api/1.0/nowhere/pmtable').set('Authorization', as()), 400, /^Bad Request: /);
    });
  });

  it('real answers have the shapes the pm3 OpenAPI document gives', async () => {
    const doc = (await t.http().get('/docs/pm3-json').expect(200)).body as Json;
    const base = '/api/1.0/{workspace}/pmtable';
    const created = await t.http().post(`${WS}/pmtable`).set('Authorization', as()).send({ pmt_tab_name: 'PMT_DOCS', fields: [{ fld_name: 'ID', fld_type: 'INTEGER', fld_key: 1 }, { fld_name: 'N', fld_type: 'DECIMAL' }] });
    const uid = (created.body as PmTable).pmt_uid;
    const calls: Array<[string, string, { status: number; text: string; body: unknown }]> = [
      ['post', base, created],
      ['get', base, await t.http().get(`${WS}/pmtable`).set('Authorization', as())],
      ['get', `${base}/{pmt_uid}`, await t.http().get(`${WS}/pmtable/${uid}`).set('Authorization', as())],
      ['get', `${base}/{pmt_uid}`, await t.http().get(`${WS}/pmtable/${MISSING_UID}`).set('Authorization', as())],
      ['post', `${base}/{pmt_uid}/data`, await t.http().post(`${WS}/pmtable/${uid}/data`).set('Authorization', as()).send({ ID: 1, N: 2 })],
      ['post', `${base}/{pmt_uid}/data`, await t.http().post(`${WS}/pmtable/${uid}/data`).set('Authorization', as()).send({ ID: 'x' })],
      ['get', `${base}/{pmt_uid}/data`, await t.http().get(`${WS}/pmtable/${uid}/data`).set('Authorization', as())],
      ['put', `${base}/{pmt_uid}/data`, await t.http().put(`${WS}/pmtable/${uid}/data`).set('Authorization', as()).send({ ID: 1, N: 3 })],
      ['delete', `${base}/{pmt_uid}/data/{key1}/{value1}`, await t.http().delete(`${WS}/pmtable/${uid}/data/ID/1`).set('Authorization', as())],
      ['put', `${base}/{pmt_uid}`, await t.http().put(`${WS}/pmtable/${uid}`).set('Authorization', as()).send({ pmt_tab_dsc: 'd' })],
      ['delete', `${base}/{pmt_uid}`, await t.http().delete(`${WS}/pmtable/${uid}`).set('Authorization', as())],
    ];
    const problems = calls.flatMap(([method, path, res]) => answerProblems(doc, method, path, res));
    expect(problems).toEqual([]);
    for (const path of [`${base}/{pmt_uid}/data/{key1}/{value1}/{key2}/{value2}`, `${base}/{pmt_uid}/data/{key1}/{value1}/{key2}/{value2}/{key3}/{value3}`]) {
      expect((doc.paths as Record<string, Json>)[path]).toHaveProperty('delete');
    }
  });
});
