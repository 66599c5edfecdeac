import { DataTableErrors } from './data-table.errors.js';

/** The field types of seed 003 (TIMESTAMP is a synonym of DATETIME, REAL of DOUBLE). */
export const FIELD_TYPES = [
  'BIGINT',
  'BOOLEAN',
  'CHAR',
  'DATE',
  'DATETIME',
  'DECIMAL',
  'DOUBLE',
  'FLOAT',
  'INTEGER',
  'LONGVARCHAR',
  'REAL',
  'SMALLINT',
  'TIME',
  'TIMESTAMP',
  'TINYINT',
  'VARCHAR',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const INTEGER_TYPES: ReadonlySet<FieldType> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);

/**
 * What `fld_size` means per type (seed 003): required for CHAR and VARCHAR (characters), optional
 * for the integer types and BOOLEAN (digits) and FLOAT, REAL, DECIMAL (digits before the point),
 * forbidden elsewhere. `max` is the largest size the type can honour: the number of digits of its
 * largest value (TINYINT 127 → 3, INTEGER 2147483647 → 10, BIGINT → 19, FLOAT 3.4E38 → 39,
 * REAL = DOUBLE 1.8E308 → 309), DECIMAL 63 (MySQL's 65 digits minus the 2 decimals), CHAR 255,
 * VARCHAR 65,535.
 */
export const SIZE_RULES: Readonly<Record<FieldType, { readonly size: 'required' | 'optional' | 'none'; readonly max?: number }>> = {
  BOOLEAN: { size: 'optional', max: 1 },
  TINYINT: { size: 'optional', max: 3 },
  SMALLINT: { size: 'optional', max: 5 },
  INTEGER: { size: 'optional', max: 10 },
  BIGINT: { size: 'optional', max: 19 },
  FLOAT: { size: 'optional', max: 39 },
  REAL: { size: 'optional', max: 309 },
  DECIMAL: { size: 'optional', max: 63 },
  CHAR: { size: 'required', max: 255 },
  VARCHAR: { size: 'required', max: 65_535 },
  DOUBLE: { size: 'none' },
  DATE: { size: 'none' },
  TIME: { size: 'none' },
  DATETIME: { size: 'none' },
  TIMESTAMP: { size: 'none' },
  LONGVARCHAR: { size: 'none' },
};

export const MAX_NAME_LENGTH = 64;
export const MAX_KEYS = 3;
export const MAX_FIELDS = 255;
export const MAX_LABEL_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 4000;

/**
 * SQL reserved words (SQL:2016 and MySQL 8), refused as table and field names: ProcessMaker turns
 * the names into MySQL identifiers, where these fail or need quoting. Meridian never uses the names
 * as identifiers, but a table definition must stay portable to ProcessMaker.
 */
const RESERVED = new Set(
  (
    'ACCESSIBLE ADD ALL ALTER ANALYZE AND ANY ARE ARRAY AS ASC ASENSITIVE ASYMMETRIC AT ATOMIC AUTHORIZATION BEFORE BEGIN BETWEEN ' +
    'BIGINT BINARY BLOB BOOLEAN BOTH BY CALL CALLED CASCADE CASCADED CASE CAST CHANGE CHAR CHARACTER CHECK CLOB CLOSE COLLATE ' +
    'COLUMN COMMIT CONDITION CONNECT CONSTRAINT CONTINUE CONVERT CORRESPONDING CREATE CROSS CUBE CURRENT CURRENT_DATE ' +
    'CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR CYCLE DATABASE DATABASES DATE DAY DAY_HOUR ' +
    'DAY_MICROSECOND DAY_MINUTE DAY_SECOND DEALLOCATE DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DENSE_RANK DEREF DESC ' +
    'DESCRIBE DETERMINISTIC DISCONNECT DISTINCT DISTINCTROW DIV DO DOUBLE DROP DUAL DYNAMIC EACH ELEMENT ELSE ELSEIF EMPTY ' +
    'ENCLOSED END ESCAPE ESCAPED EXCEPT EXEC EXECUTE EXISTS EXIT EXPLAIN EXTERNAL FALSE FETCH FILTER FIRST_VALUE FLOAT FLOAT4 ' +
    'FLOAT8 FOR FORCE FOREIGN FREE FROM FULL FULLTEXT FUNCTION GENERATED GET GLOBAL GRANT GROUP GROUPING GROUPS HANDLER ' +
    'HAVING HIGH_PRIORITY HOLD HOUR HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IDENTITY IF IGNORE IN INDEX INDICATOR INFILE ' +
    'INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT INTERVAL INTO IS ITERATE JOIN JSON_TABLE ' +
    'KEY KEYS KILL LAG LANGUAGE LARGE LAST_VALUE LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCAL ' +
    'LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP LOW_PRIORITY MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT ' +
    'MEMBER MERGE METHOD MIDDLEINT MINUTE MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES MONTH NATURAL NCHAR NCLOB NEW NO ' +
    'NO_WRITE_TO_BINLOG NONE NOT NTH_VALUE NTILE NULL NUMERIC OF OFFSET OLD ON ONLY OPEN OPTIMIZE OPTIMIZER_COSTS OPTION ' +
    'OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER PARAMETER PARTITION PERCENT_RANK PRECISION PREPARE PRIMARY PROCEDURE PURGE ' +
    'RANGE RANK READ READS READ_WRITE REAL RECURSIVE REF REFERENCES REFERENCING REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE ' +
    'RESIGNAL RESTRICT RESULT RETURN RETURNS REVOKE RIGHT RLIKE ROLLBACK ROLLUP ROW ROWS ROW_NUMBER SAVEPOINT SCHEMA SCHEMAS ' +
    'SCOPE SCROLL SEARCH SECOND SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SESSION_USER SET SHOW SIGNAL SIMILAR SMALLINT ' +
    'SOME SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT SSL ' +
    'START STARTING STATIC STORED STRAIGHT_JOIN SUBMULTISET SYMMETRIC SYSTEM SYSTEM_USER TABLE TABLESAMPLE TERMINATED THEN ' +
    'TIME TIMESTAMP TIMEZONE_HOUR TIMEZONE_MINUTE TINYBLOB TINYINT TINYTEXT TO TRAILING TRANSLATION TREAT TRIGGER TRUE ' +
    'UNDO UNION UNIQUE UNKNOWN UNLOCK UNNEST UNSIGNED UPDATE USAGE USE USER USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUE ' +
    'VALUES VARBINARY VARCHAR VARCHARACTER VARYING VIRTUAL WHEN WHENEVER WHERE WHILE WINDOW WITH WITHIN WITHOUT WRITE XOR ' +
    'YEAR YEAR_MONTH ZEROFILL'
  ).split(' '),
);

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name.toUpperCase());
}

/**
 * A table or field name: ASCII letters, digits and `_`, starting with a letter (so that no name can
 * collide with the `__index__` column of data answers), at most 64 characters (MySQL's identifier
 * limit), not an SQL reserved word. Answers the name upper-cased, as ProcessMaker stores it.
 */
export function normalizeName(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length === 0) throw DataTableErrors.invalid(field, `${field} is required (a name of ASCII letters, digits and "_")`, raw);
  if (raw.length > MAX_NAME_LENGTH) throw DataTableErrors.invalid(field, `${field} '${raw.slice(0, 80)}…' is longer than ${MAX_NAME_LENGTH} characters`, raw);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(raw)) {
    throw DataTableErrors.invalid(field, `${field} '${raw}' may only contain ASCII letters, digits and "_", and must begin with a letter`, raw);
  }
  const name = raw.toUpperCase();
  if (isReservedWord(name)) throw DataTableErrors.invalid(field, `${field} '${raw}' is an SQL reserved word`, raw);
  return name;
}

/** `PMT_CLIENTS` → `PmtClients`: the PHP class name ProcessMaker generates for a table. */
export function className(tableName: string): string {
  return tableName
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1).toLowerCase())
    .join('');
}

/** A field of a data table as stored. */
export interface DataTableField {
  readonly uid: string;
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly size: number | null;
  readonly nullable: boolean;
  readonly autoIncrement: boolean;
  readonly key: boolean;
}

/** A field as requested, before it has an id. */
export type FieldSpec = Omit<DataTableField, 'uid'>;

function flag(raw: unknown, field: string, fallback: boolean): boolean {
  if (raw === undefined || raw === null) return fallback;
  if (raw === 1 || raw === '1' || raw === true || raw === 'true') return true;
  if (raw === 0 || raw === '0' || raw === false || raw === 'false') return false;
  throw DataTableErrors.invalid(field, `${field} must be 1 or 0`, raw);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Properties a field object may carry; `fld_dyn` is listed by seed 003 and ignored. */
const FIELD_PROPERTIES = new Set(['fld_name', 'fld_label', 'fld_type', 'fld_size', 'fld_null', 'fld_autoincrement', 'fld_auto_increment', 'fld_key', 'fld_dyn', 'fld_description']);

/**
 * One field object of a create or update request (`fields[i]`), checked against the rules of
 * seed 003. `at` is how errors name it (`fields[2]`).
 */
export function parseFieldSpec(raw: unknown, at: string): FieldSpec {
  if (!isObject(raw)) throw DataTableErrors.invalid(at, `${at} must be an object`, raw);
  for (const property of Object.keys(raw)) {
    if (!FIELD_PROPERTIES.has(property)) throw DataTableErrors.invalid(`${at}.${property}`, `${at}.${property} is not a field property`, property);
  }
  const name = normalizeName(raw.fld_name, `${at}.fld_name`);
  const where = `${at} (${name})`;
  const rawType = raw.fld_type;
  if (typeof rawType !== 'string' || !(FIELD_TYPES as readonly string[]).includes(rawType.toUpperCase())) {
    throw DataTableErrors.invalid(`${at}.fld_type`, `${where}: unknown fld_type '${String(rawType)}' (one of ${FIELD_TYPES.join(', ')})`, rawType);
  }
  const type = rawType.toUpperCase() as FieldType;
  const labelRaw = raw.fld_label ?? raw.fld_description;
  if (labelRaw !== undefined && labelRaw !== null && (typeof labelRaw !== 'string' || labelRaw.length > MAX_LABEL_LENGTH)) {
    throw DataTableErrors.invalid(`${at}.fld_label`, `${where}: fld_label must be a string of at most ${MAX_LABEL_LENGTH} characters`, labelRaw);
  }
  const label = typeof labelRaw === 'string' && labelRaw !== '' ? labelRaw : name;
  const size = parseSize(raw.fld_size, type, `${at}.fld_size`, where);
  const key = flag(raw.fld_key, `${at}.fld_key`, false);
  const autoIncrement = flag(raw.fld_autoincrement ?? raw.fld_auto_increment, `${at}.fld_autoincrement`, false);
  const nullRequested = flag(raw.fld_null, `${at}.fld_null`, !key);
  if (key && nullRequested) throw DataTableErrors.invalid(`${at}.fld_null`, `${where}: a primary-key field cannot allow NULL (fld_null 1)`, raw.fld_null);
  if (key && type === 'LONGVARCHAR') throw DataTableErrors.invalid(`${at}.fld_key`, `${where}: a LONGVARCHAR field cannot be a primary key`, type);
  if (autoIncrement && !INTEGER_TYPES.has(type)) {
    throw DataTableErrors.invalid(`${at}.fld_autoincrement`, `${where}: only TINYINT, SMALLINT, INTEGER and BIGINT fields can auto-increment`, type);
  }
  return { name, label, type, size, nullable: nullRequested, autoIncrement, key };
}

function parseSize(raw: unknown, type: FieldType, field: string, where: string): number | null {
  const rule = SIZE_RULES[type];
  if (raw === undefined || raw === null) {
    if (rule.size === 'required') throw DataTableErrors.invalid(field, `${where}: fld_size is required for a ${type} field`, raw);
    return null;
  }
  if (rule.size === 'none') throw DataTableErrors.sizeNotAllowed(field, type);
  const size = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(size) || size < 1) throw DataTableErrors.invalid(field, `${where}: fld_size must be a positive integer`, raw);
  if (size > rule.max!) throw DataTableErrors.invalid(field, `${where}: fld_size ${size} is larger than a ${type} field allows (at most ${rule.max})`, raw);
  return size;
}

/** The table-level rules over its fields: at least one, unique names, at most 3 keys, one auto-increment field. */
export function checkFieldSet(fields: readonly FieldSpec[]): void {
  if (fields.length === 0) throw DataTableErrors.invalid('fields', 'fields must list at least one field');
  if (fields.length > MAX_FIELDS) throw DataTableErrors.invalid('fields', `a table has at most ${MAX_FIELDS} fields`);
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) throw DataTableErrors.invalid('fields', `the field name '${f.name}' is used twice (names are case-insensitive)`, f.name);
    seen.add(f.name);
  }
  const keys = fields.filter((f) => f.key);
  if (keys.length > MAX_KEYS) {
    throw DataTableErrors.invalid('fields', `a table has at most ${MAX_KEYS} primary-key fields (fld_key 1), not ${keys.length}: ${keys.map((f) => f.name).join(', ')}`);
  }
  const autos = fields.filter((f) => f.autoIncrement);
  if (autos.length > 1) throw DataTableErrors.invalid('fields', `only one field may auto-increment, not ${autos.map((f) => f.name).join(', ')}`);
}

/** A create request (`POST pmtable`): name, description and fields. */
export interface TableSpec {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly FieldSpec[];
}

export function parseDescription(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string' || raw.length > MAX_DESCRIPTION_LENGTH) {
    throw DataTableErrors.invalid(field, `${field} must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters`, raw);
  }
  return raw;
}

function parseFieldList(raw: unknown): FieldSpec[] {
  if (!Array.isArray(raw)) throw DataTableErrors.invalid('fields', 'fields must be an array of field objects', raw);
  if (raw.length > MAX_FIELDS) throw DataTableErrors.invalid('fields', `a table has at most ${MAX_FIELDS} fields`);
  return raw.map((f, i) => parseFieldSpec(f, `fields[${i}]`));
}

const TABLE_PROPERTIES = new Set(['pmt_tab_name', 'pmt_tab_dsc', 'pmt_tab_description', 'fields']);
const UPDATE_PROPERTIES = new Set(['pmt_tab_dsc', 'pmt_tab_description', 'rep_tab_dsc', 'fields']);

function refuseUnknown(body: Record<string, unknown>, allowed: ReadonlySet<string>): void {
  for (const property of Object.keys(body)) {
    if (!allowed.has(property)) throw DataTableErrors.invalid(property, `${property} is not a property of a PM Table`, property);
  }
}

export function parseTableSpec(body: unknown): TableSpec {
  if (!isObject(body)) throw DataTableErrors.invalid('body', 'the body must be a JSON object', body);
  refuseUnknown(body, TABLE_PROPERTIES);
  const name = normalizeName(body.pmt_tab_name, 'pmt_tab_name');
  const description = parseDescription(body.pmt_tab_dsc ?? body.pmt_tab_description, 'pmt_tab_dsc') ?? '';
  if (body.fields === undefined) throw DataTableErrors.invalid('fields', 'fields is required (an array of field objects)');
  const fields = parseFieldList(body.fields);
  checkFieldSet(fields);
  return { name, description, fields };
}

/** An update request (`PUT pmtable/{uid}`): an optional description and optional fields to add or change. */
export interface TableUpdateSpec {
  readonly description?: string;
  readonly fields?: readonly FieldSpec[];
}

export function parseTableUpdate(body: unknown): TableUpdateSpec {
  if (!isObject(body)) throw DataTableErrors.invalid('body', 'the body must be a JSON object', body);
  refuseUnknown(body, UPDATE_PROPERTIES);
  // The example of seed 003 sends `rep_tab_dsc` (the Report Table property): accepted as a synonym.
  const description = parseDescription(body.pmt_tab_dsc ?? body.pmt_tab_description ?? body.rep_tab_dsc, 'pmt_tab_dsc');
  const fields = body.fields === undefined || body.fields === null ? undefined : parseFieldList(body.fields);
  return { description, fields };
}

/**
 * The fields after an update: listed fields with a new name are appended, listed fields with an
 * existing name replace it (keeping its uid and position), unlisted fields stay. Once the table has
 * rows, an existing field may only change its label, grow its size or start allowing NULL, and a
 * new field must allow NULL and cannot be a key or auto-increment (the rows have no value for it).
 */
export function mergeFields(current: readonly DataTableField[], changes: readonly FieldSpec[], hasRows: boolean, newUid: () => string): DataTableField[] {
  const byName = new Map(changes.map((c) => [c.name, c]));
  if (byName.size !== changes.length) {
    const dup = changes.find((c, i) => changes.findIndex((d) => d.name === c.name) !== i)!;
    throw DataTableErrors.invalid('fields', `the field name '${dup.name}' is used twice (names are case-insensitive)`, dup.name);
  }
  const merged: DataTableField[] = current.map((field) => {
    const change = byName.get(field.name);
    if (!change) return field;
    if (hasRows) checkChangeWithRows(field, change);
    return { uid: field.uid, ...change };
  });
  for (const change of changes) {
    if (current.some((f) => f.name === change.name)) continue;
    if (hasRows && (change.key || change.autoIncrement || !change.nullable)) {
      throw DataTableErrors.structureLocked(
        'fields',
        `the new field '${change.name}' must allow NULL and cannot be a primary key or auto-increment while the table has rows`,
      );
    }
    merged.push({ uid: newUid(), ...change });
  }
  checkFieldSet(merged);
  return merged;
}

function checkChangeWithRows(field: DataTableField, change: FieldSpec): void {
  const refuse = (what: string) =>
    DataTableErrors.structureLocked('fields', `the field '${field.name}' cannot ${what} while the table has rows (delete the rows first)`);
  if (change.type !== field.type) throw refuse(`change its type from ${field.type} to ${change.type}`);
  if (change.key !== field.key) throw refuse(change.key ? 'become a primary-key field' : 'stop being a primary-key field');
  if (change.autoIncrement !== field.autoIncrement) throw refuse('change its auto-increment setting');
  if (field.nullable && !change.nullable) throw refuse('stop allowing NULL');
  if (field.size !== null && change.size !== null && change.size < field.size) throw refuse(`shrink its size below ${field.size}`);
}
