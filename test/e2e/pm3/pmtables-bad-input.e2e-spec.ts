import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { expectPm3Error, WS } from './pm3-support.js';

interface PmTable {
  pmt_uid: string;
  pmt_num_rows: number;
}

type Row = Record<string, string | null>;

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ fld_name: name, fld_type: type, ...extra });

describe('pm3 PM Tables: bad input is a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let items: PmTable;
  let pairs: PmTable;
  let keyless: PmTable;
  const as = () => t.adminBasic;
  const createTable = (body: unknown) => t.http().post(`${WS}/pmtable`).set('Authorization', as()).send(body as object);
  const addRow = (uid: string, row: unknown) => t.http().post(`${WS}/pmtable/${uid}/data`).set('Authorization', as()).send(row as object);
  /** Every definition and row, to prove that a refused request changed nothing. */
  const snapshot = async () => ({
    tables: await sql(t, `SELECT id, tenant_id, name, description, fields, counters, row_count FROM forms.data_tables ORDER BY id`),
    rows: await sql(t, `SELECT tenant_id, table_id, row_id, key, data::text AS data FROM forms.data_table_rows ORDER BY row_id`),
    sequence: await sql(t, `SELECT last_value FROM forms.data_table_field_id_seq`),
  });

  beforeAll(async () => {
    t = await startTestApp();
    items = (await createTable({
      pmt_tab_name: 'PMT_ITEMS',
      fields: [
        field('ID', 'INTEGER', { fld_key: 1, fld_autoincrement: 1, fld_size: 4 }),
        field('NAME', 'VARCHAR', { fld_size: 10, fld_null: 0 }),
        field('QTY', 'SMALLINT'),
        field('PRICE', 'DECIMAL', { fld_size: 4 }),
        field('ACTIVE', 'BOOLEAN'),
        field('DUE', 'DATE'),
        field('STAMP', 'DATETIME'),
        field('CLOCK', 'TIME'),
        field('RATIO', 'FLOAT'),
      ],
    }).expect(201)).body as PmTable;
    pairs = (await createTable({ pmt_tab_name: 'PMT_PAIRS', fields: [field('A', 'CHAR', { fld_size: 2, fld_key: 1 }), field('B', 'INTEGER', { fld_key: 1 }), field('V', 'VARCHAR', { fld_size: 5 })] }).expect(201))
      .body as PmTable;
    keyless = (await createTable({ pmt_tab_name: 'PMT_KEYLESS', fields: [field('V', 'VARCHAR', { fld_size: 5 })] }).expect(201)).body as PmTable;
    await addRow(items.pmt_uid, { NAME: 'first', QTY: 1 }).expect(201);
    await addRow(pairs.pmt_uid, { A: 'JP', B: 1, V: 'x' }).expect(201);
    await addRow(keyless.pmt_uid, { V: 'x' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('table and field names', () => {
    const badNames: Array<[string, RegExp]> = [
      ['PMT_X; DROP TABLE forms.data_tables', /may only contain ASCII letters, digits and "_"/],
      ["PMT_X'--", /may only contain ASCII letters, digits and "_"/],
      ['PMT "QUOTED"', /may only contain ASCII letters, digits and "_"/],
      ['PMT WITH SPACE', /may only contain ASCII letters, digits and "_"/],
      ['PMT_CAFÉ', /may only contain ASCII letters, digits and "_"/],
      ['PMT_名前', /may only contain ASCII letters, digits and "_"/],
      ['1PMT', /must begin with a letter/],
      ['_PMT', /must begin with a letter/],
      ['SELECT', /is an SQL reserved word/],
      ['table', /is an SQL reserved word/],
      ['Order', /is an SQL reserved word/],
      [`PMT_${'X'.repeat(61)}`, /longer than 64 characters/],
      ['', /is required \(a name of ASCII letters/],
    ];

    it('a table name that is injection-shaped, quoted, spaced, non-ASCII, reserved, too long or empty: 400 naming it', async () => {
      const before = await snapshot();
      for (const [name, message] of badNames) {
        expectPm3Error(await createTable({ pmt_tab_name: name, fields: [field('A', 'INTEGER')] }), 400, message);
      }
      expectPm3Error(await createTable({ fields: [field('A', 'INTEGER')] }), 400, /pmt_tab_name is required/);
      expectPm3Error(await createTable({ pmt_tab_name: 42, fields: [field('A', 'INTEGER')] }), 400, /pmt_tab_name is required/);
      expect(await snapshot()).toEqual(before);
    });

    it('the same field names are refused, and a name of 64 characters is the longest accepted', async () => {
      const before = await snapshot();
      for (const [name, message] of badNames) {
        expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [field(name, 'INTEGER')] }), 400, new RegExp(`fields\\[0\\]\\.fld_name.*${message.source}`));
      }
      expect(await snapshot()).toEqual(before);
      const longest = 'X'.repeat(64);
      const res = await createTable({ pmt_tab_name: `P${'X'.repeat(63)}`, fields: [field(longest, 'INTEGER')] }).expect(201);
      await t.http().delete(`${WS}/pmtable/${(res.body as PmTable).pmt_uid}`).set('Authorization', as()).expect(200);
    });

    it('duplicate field names (case-insensitively), a taken table name, no fields: 400', async () => {
      const before = await snapshot();
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [field('A', 'INTEGER'), field('a', 'VARCHAR', { fld_size: 3 })] }), 400, /field name 'A' is used twice/);
      expectPm3Error(await createTable({ pmt_tab_name: 'pmt_items', fields: [field('A', 'INTEGER')] }), 400, "Bad Request: The PM Table with pmt_tab_name: 'PMT_ITEMS' already exists.");
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [] }), 400, /at least one field/);
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW' }), 400, /fields is required/);
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: 'A' }), 400, /fields must be an array/);
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [field('A', 'INTEGER')], unknown: 1 }), 400, /unknown is not a property/);
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [{ ...field('A', 'INTEGER'), fld_colour: 'red' }] }), 400, /fields\[0\]\.fld_colour is not a field property/);
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [field('A', 'INTEGER', { fld_label: 'x'.repeat(256) })] }), 400, /fld_label must be a string of at most 255/);
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', pmt_tab_dsc: 'x'.repeat(4001), fields: [field('A', 'INTEGER')] }), 400, /pmt_tab_dsc must be a string of at most 4000/);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('types, sizes, keys', () => {
    it('a fld_size on a type that takes none: 400 with NO body, as seed 003 documents', async () => {
      const before = await snapshot();
      for (const type of ['DOUBLE', 'DATE', 'TIME', 'DATETIME', 'TIMESTAMP', 'LONGVARCHAR']) {
        const res = await createTable({ pmt_tab_name: 'PMT_NEW', fields: [field('A', 'INTEGER'), field('B', type, { fld_size: 8 })] });
        expect({ type, status: res.status, text: res.text }).toEqual({ type, status: 400, text: '' });
      }
      const onUpdate = await t.http().put(`${WS}/pmtable/${items.pmt_uid}`).set('Authorization', as()).send({ fields: [field('NOTE', 'LONGVARCHAR', { fld_size: 10 })] });
      expect({ status: onUpdate.status, text: onUpdate.text }).toEqual({ status: 400, text: '' });
      expect(await snapshot()).toEqual(before);
    });

    it('a size larger than the type allows, a missing size for CHAR/VARCHAR, a bad size: 400 naming the field', async () => {
      const before = await snapshot();
      const cases: Array<[unknown, RegExp]> = [
        [field('A', 'INTEGER', { fld_size: 50 }), /fields\[0\] \(A\): fld_size 50 is larger than a INTEGER field allows \(at most 10\)/],
        [field('A', 'TINYINT', { fld_size: 4 }), /at most 3/],
        [field('A', 'BOOLEAN', { fld_size: 2 }), /at most 1/],
        [field('A', 'BIGINT', { fld_size: 20 }), /at most 19/],
        [field('A', 'DECIMAL', { fld_size: 64 }), /at most 63/],
        [field('A', 'CHAR', { fld_size: 256 }), /at most 255/],
        [field('A', 'VARCHAR', { fld_size: 65536 }), /at most 65535/],
        [field('A', 'VARCHAR'), /fld_size is required for a VARCHAR field/],
        [field('A', 'CHAR'), /fld_size is required for a CHAR field/],
        [field('A', 'VARCHAR', { fld_size: 0 }), /fld_size must be a positive integer/],
        [field('A', 'VARCHAR', { fld_size: 'ten' }), /fld_size must be a positive integer/],
        [field('A', 'VARCHAR', { fld_size: 2.5 }), /fld_size must be a positive integer/],
        [field('A', 'MONEY'), /unknown fld_type 'MONEY'/],
        [field('A', 'VARCHAR(10)'), /unknown fld_type 'VARCHAR\(10\)'/],
        [{ fld_name: 'A' }, /unknown fld_type 'undefined'/],
        [field('A', 'INTEGER', { fld_key: 2 }), /fld_key must be 1 or 0/],
        [field('A', 'INTEGER', { fld_key: 1, fld_null: 1 }), /a primary-key field cannot allow NULL/],
        [field('A', 'LONGVARCHAR', { fld_key: 1 }), /a LONGVARCHAR field cannot be a primary key/],
        [field('A', 'VARCHAR', { fld_size: 5, fld_autoincrement: 1 }), /only TINYINT, SMALLINT, INTEGER and BIGINT fields can auto-increment/],
      ];
      for (const [f, message] of cases) expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: [f] }), 400, message);
      expect(await snapshot()).toEqual(before);
    });

    it('more than 3 key fields, or two auto-increment fields: 400', async () => {
      const before = await snapshot();
      const keys = ['A', 'B', 'C', 'D'].map((n) => field(n, 'INTEGER', { fld_key: 1 }));
      expectPm3Error(await createTable({ pmt_tab_name: 'PMT_NEW', fields: keys }), 400, /at most 3 primary-key fields \(fld_key 1\), not 4: A, B, C, D/);
      expectPm3Error(
        await createTable({ pmt_tab_name: 'PMT_NEW', fields: [field('A', 'INTEGER', { fld_autoincrement: 1 }), field('B', 'BIGINT', { fld_autoincrement: 1 })] }),
        400,
        /only one field may auto-increment/,
      );
      // Adding a fourth key to a 3-key table by PUT is refused too.
      const three = (await createTable({ pmt_tab_name: 'PMT_3KEYS', fields: keys.slice(0, 3) }).expect(201)).body as PmTable;
      const mid = await snapshot();
      expectPm3Error(await t.http().put(`${WS}/pmtable/${three.pmt_uid}`).set('Authorization', as()).send({ fields: [keys[3]] }), 400, /at most 3 primary-key fields/);
      expect(await snapshot()).toEqual(mid);
      await t.http().delete(`${WS}/pmtable/${three.pmt_uid}`).set('Authorization', as()).expect(200);
      expect((await snapshot()).tables).toEqual(before.tables);
    });

    it('PUT on a table with rows: changing a type, a key, auto-increment, NOT NULL, shrinking, or a new NOT NULL/key field: 400, nothing changed', async () => {
      const before = await snapshot();
      const put = (body: unknown) => t.http().put(`${WS}/pmtable/${items.pmt_uid}`).set('Authorization', as()).send(body as object);
      expectPm3Error(await put({ fields: [field('QTY', 'VARCHAR', { fld_size: 5 })] }), 400, /the field 'QTY' cannot change its type from SMALLINT to VARCHAR while the table has rows/);
      expectPm3Error(await put({ fields: [field('ID', 'INTEGER', { fld_size: 4, fld_autoincrement: 1 })] }), 400, /the field 'ID' cannot stop being a primary-key field/);
      expectPm3Error(await put({ fields: [field('QTY', 'SMALLINT', { fld_key: 1 })] }), 400, /the field 'QTY' cannot become a primary-key field/);
      expectPm3Error(await put({ fields: [field('ID', 'INTEGER', { fld_size: 4, fld_key: 1 })] }), 400, /cannot change its auto-increment setting/);
      expectPm3Error(await put({ fields: [field('QTY', 'SMALLINT', { fld_null: 0 })] }), 400, /cannot stop allowing NULL/);
      expectPm3Error(await put({ fields: [field('NAME', 'VARCHAR', { fld_size: 5, fld_null: 0 })] }), 400, /cannot shrink its size below 10/);
      expectPm3Error(await put({ fields: [field('EXTRA', 'INTEGER', { fld_null: 0 })] }), 400, /the new field 'EXTRA' must allow NULL/);
      expectPm3Error(await put({ fields: [field('EXTRA', 'INTEGER', { fld_key: 1 })] }), 400, /the new field 'EXTRA' must allow NULL and cannot be a primary key/);
      expectPm3Error(await put({ fields: [field('X', 'INTEGER'), field('x', 'INTEGER')] }), 400, /the field name 'X' is used twice/);
      expectPm3Error(await put({ pmt_tab_name: 'RENAMED' }), 400, /pmt_tab_name is not a property/);
      expectPm3Error(await put({ pmt_tab_dsc: 7 }), 400, /pmt_tab_dsc must be a string/);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('row values', () => {
    it('values of the wrong type, out of range, too long, too many digits, bad dates, NULL where not allowed: 400 naming the field', async () => {
      const before = await snapshot();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ NAME: 'a', QTY: 'abc' }, /Field QTY: 'abc' is not a valid SMALLINT \(an integer\)/],
        [{ NAME: 'a', QTY: 1.5 }, /Field QTY: 1\.5 is not a valid SMALLINT/],
        [{ NAME: 'a', QTY: 40000 }, /Field QTY: 40000 is out of the SMALLINT range -32768\.\.32767/],
        [{ NAME: 'a', QTY: true }, /Field QTY: true is not a valid SMALLINT/],
        [{ NAME: 'a', QTY: [1] }, /Field QTY: \[1\] is not a valid SMALLINT/],
        [{ NAME: 'a', ID: 12345 }, /Field ID: the value has 5 digits before the decimal point, more than its size 4/],
        [{ NAME: 'a', PRICE: 'ten' }, /Field PRICE: 'ten' is not a valid DECIMAL/],
        [{ NAME: 'a', PRICE: 12345.5 }, /Field PRICE: the value has 5 digits before the decimal point, more than its size 4/],
        [{ NAME: 'a', ACTIVE: 'yes' }, /Field ACTIVE: 'yes' is not a valid BOOLEAN \(1 or 0\)/],
        [{ NAME: 'a', ACTIVE: 2 }, /Field ACTIVE: 2 is not a valid BOOLEAN/],
        [{ NAME: 'a', DUE: '2023-02-29' }, /Field DUE: '2023-02-29' is not a valid DATE/],
        [{ NAME: 'a', DUE: '31/12/2024' }, /Field DUE: '31\/12\/2024' is not a valid DATE/],
        [{ NAME: 'a', DUE: '0999-12-31' }, /is not a valid DATE/],
        [{ NAME: 'a', STAMP: '2024-01-01T10:00:00' }, /Field STAMP: .* is not a valid DATETIME/],
        [{ NAME: 'a', STAMP: '2024-01-01 24:00:00' }, /is not a valid DATETIME/],
        [{ NAME: 'a', CLOCK: '25:00:00' }, /Field CLOCK: '25:00:00' is not a valid TIME/],
        [{ NAME: 'a', RATIO: 'NaN' }, /Field RATIO: 'NaN' is not a valid FLOAT/],
        [{ NAME: 'a', RATIO: 1e39 }, /Field RATIO: .* is out of the FLOAT range/],
        [{ NAME: 'x'.repeat(11) }, /Field NAME: 11 characters, more than its size 10/],
        [{ NAME: 'nul\u0000byte' }, /Field NAME: the text contains a NUL character/],
        [{ NAME: null }, /Field NAME cannot be NULL/],
        [{ QTY: 1 }, /Field NAME is required/],
        [{ NAME: { nested: true } }, /Field NAME: .* is not a valid VARCHAR/],
        [{ NAME: 'a', COLOUR: 'red' }, /The field 'COLOUR' does not exist in the table/],
        [{ NAME: 'a', name: 'b' }, /The field NAME is given twice/],
      ];
      for (const [row, message] of cases) expectPm3Error(await addRow(items.pmt_uid, row), 400, message);
      expectPm3Error(await t.http().post(`${WS}/pmtable/${items.pmt_uid}/data`).set('Authorization', as()).set('Content-Type', 'application/json').send('[1,2]'), 400, /The body must be a JSON object/);
      expectPm3Error(await t.http().post(`${WS}/pmtable/${items.pmt_uid}/data`).set('Authorization', as()).set('Content-Type', 'application/json').send('{"NAME":'), 400, /Malformed JSON/);
      expect(await snapshot()).toEqual(before);
    });

    it('a primary key that is taken: 400, nothing stored (1 and 2 keys)', async () => {
      const before = await snapshot();
      expectPm3Error(await addRow(items.pmt_uid, { ID: 1, NAME: 'again' }), 400, 'Bad Request: A row with the primary key ID=1 already exists');
      expectPm3Error(await addRow(pairs.pmt_uid, { A: 'JP', B: '1', V: 'y' }), 400, 'Bad Request: A row with the primary key A="JP", B=1 already exists');
      expect(await snapshot()).toEqual(before);
      await addRow(pairs.pmt_uid, { A: 'JP', B: 2 }).expect(201);
    });

    it('PUT data: missing key values, no such row, unknown fields, bad values, a keyless table: 400, nothing changed', async () => {
      const before = await snapshot();
      const put = (uid: string, body: unknown) => t.http().put(`${WS}/pmtable/${uid}/data`).set('Authorization', as()).send(body as object);
      expectPm3Error(await put(items.pmt_uid, { NAME: 'renamed' }), 400, /The primary-key field ID is missing: it names the row to update/);
      expectPm3Error(await put(pairs.pmt_uid, { A: 'JP', V: 'z' }), 400, /The primary-key field B is missing/);
      expectPm3Error(await put(items.pmt_uid, { ID: 99, NAME: 'x' }), 400, 'Bad Request: The row with the primary key ID=99 does not exist');
      expectPm3Error(await put(items.pmt_uid, { ID: 'one', NAME: 'x' }), 400, /Field ID: 'one' is not a valid INTEGER/);
      expectPm3Error(await put(items.pmt_uid, { ID: 1, COLOUR: 'red' }), 400, /The field 'COLOUR' does not exist/);
      expectPm3Error(await put(items.pmt_uid, { ID: 1, QTY: 'many' }), 400, /Field QTY: 'many' is not a valid SMALLINT/);
      expectPm3Error(await put(items.pmt_uid, { ID: 1, NAME: null }), 400, /Field NAME cannot be NULL/);
      expectPm3Error(await put(keyless.pmt_uid, { V: 'y' }), 400, /The table has no primary key/);
      expect(await snapshot()).toEqual(before);
    });

    it('DELETE data: a missing key pair, a non-key or unknown field, a repeated key, a bad value, no such row, a keyless table: 400, nothing deleted', async () => {
      const before = await snapshot();
      const del = (path: string) => t.http().delete(`${WS}/pmtable/${path}`).set('Authorization', as());
      expectPm3Error(await del(`${pairs.pmt_uid}/data/A/JP`), 400, /The primary-key value of B is missing \(keys: A, B\)/);
      expectPm3Error(await del(`${pairs.pmt_uid}/data/A/JP/V/x`), 400, /The field V is not a primary-key field \(keys: A, B\)/);
      expectPm3Error(await del(`${pairs.pmt_uid}/data/A/JP/A/US`), 400, /The key field A is given twice/);
      expectPm3Error(await del(`${pairs.pmt_uid}/data/A/JP/B/1/C/3`), 400, /The field 'C' does not exist/);
      expectPm3Error(await del(`${items.pmt_uid}/data/ID/abc`), 400, /Field ID: 'abc' is not a valid INTEGER/);
      expectPm3Error(await del(`${items.pmt_uid}/data/ID/77`), 400, 'Bad Request: The row with the primary key ID=77 does not exist');
      expectPm3Error(await del(`${items.pmt_uid}/data/NOPE/1`), 400, /The field 'NOPE' does not exist/);
      expectPm3Error(await del(`${keyless.pmt_uid}/data/V/x`), 400, /The table has no primary key/);
      expect(await snapshot()).toEqual(before);
    });

    it('GET data: malformed q, another filter type, unknown fields, wrong-typed values, non-scalar values, bad paging: 400', async () => {
      const get = (query: Record<string, string>) => t.http().get(`${WS}/pmtable/${items.pmt_uid}/data`).query(query).set('Authorization', as());
      expectPm3Error(await get({ q: '{where:' }), 400, /q is not valid JSON/);
      expectPm3Error(await get({ q: '"where"' }), 400, /q must be a JSON object/);
      expectPm3Error(await get({ q: '{"orderBy":{"ID":1}}' }), 400, /only the filter type "where" is supported, not "orderBy"/);
      expectPm3Error(await get({ q: '{"where":[1]}' }), 400, /"where" must be an object/);
      expectPm3Error(await get({ q: '{"where":{"COLOUR":"red"}}' }), 400, /The field 'COLOUR' does not exist/);
      expectPm3Error(await get({ q: '{"where":{"QTY":"abc"}}' }), 400, /Field QTY: 'abc' is not a valid SMALLINT/);
      expectPm3Error(await get({ q: '{"where":{"DUE":"yesterday"}}' }), 400, /Field DUE: 'yesterday' is not a valid DATE/);
      expectPm3Error(await get({ q: '{"where":{"QTY":{"$gt":1}}}' }), 400, /the value of QTY must be a single value/);
      expectPm3Error(await get({ q: `{"where":{"NAME":"x') OR 1=1 --"}}` }), 400, /more than its size 10/);
      expectPm3Error(await get({ limit: '0' }), 400, /limit/);
      expectPm3Error(await get({ start: '-1' }), 400, /start/);
      // An injection-shaped value of the right size is just a value: no match.
      const res = await get({ q: `{"where":{"NAME":"' OR 1=1"}}` }).expect(200);
      expect(res.body).toEqual({ rows: [], count: 0 });
    });

    it('malformed uids: 400 naming pmt_uid', async () => {
      expectPm3Error(await t.http().get(`${WS}/pmtable/not-a-uid`).set('Authorization', as()), 400, /^Bad Request: pmt_uid is not a valid id/);
      expectPm3Error(await t.http().get(`${WS}/pmtable/1;DROP/data`).set('Authorization', as()), 400, /pmt_uid is not a valid id/);
    });
  });

  it('afterwards the stored rows are exactly those the accepted requests wrote', async () => {
    const rows = await sql<{ name: string; key: string | null; data: Row }>(
      t,
      `SELECT t.name, r.key, r.data FROM forms.data_table_rows r JOIN forms.data_tables t ON t.tenant_id = r.tenant_id AND t.id = r.table_id ORDER BY r.row_id`,
    );
    expect(rows).toEqual([
      { name: 'PMT_ITEMS', key: '[1]', data: { ID: 1, NAME: 'first', QTY: 1, PRICE: null, ACTIVE: null, DUE: null, STAMP: null, CLOCK: null, RATIO: null } },
      { name: 'PMT_PAIRS', key: '["JP",1]', data: { A: 'JP', B: 1, V: 'x' } },
      { name: 'PMT_KEYLESS', key: null, data: { V: 'x' } },
      { name: 'PMT_PAIRS', key: '["JP",2]', data: { A: 'JP', B: 2, V: null } },
    ]);
  });
});
