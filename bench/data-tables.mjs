// Benchmark: data-table (pm3 PM Table) query latency (issue "Data tables").
//
//   npm run bench:datatables
//
// Builds, starts the server on a throwaway embedded PostgreSQL, creates a PM Table over HTTP and
// seeds it with 100,000 rows in one SQL statement (the rows table's own shape: a jsonb document per
// row, its key text), then prints, in the same run:
//   - the plan of the filtered query (EXPLAIN ANALYZE): it must use the GIN index on `data`;
//   - over HTTP at 1 connection, p50/p99 of GET /api/1.0/workflow/pmtable/{uid}/data?q={"where":{"CITY":…}}
//     matching 10 rows, beside the baseline GET /api/1.0/workflow/pmtable/{uid} (the same stack and
//     a primary-key lookup of the definition, no row query);
//   - the same SQL straight on the database with the index, beside a primary-key lookup of one row,
//     and without the index (bitmap and index scans switched off: the unindexed scan of 100,000 rows).
// Request kinds are interleaved, so that load from elsewhere on the machine weighs on all alike.
import pg from 'pg';
import { ADMIN_PASSWORD, basicAuth, build, databaseUrlOf, latency, newDataDir, randomPort, startServer, stopServer, waitHealthy } from './support.mjs';

const ROWS = 100_000;
const CITIES = 10_000; // 10 rows per city
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);

/** The repository's filtered statement (src/forms/infrastructure/data-tables/data-table.repository.ts). */
const FILTERED = `SELECT (SELECT jsonb_object_agg(e.key, e.value #>> '{}') FROM jsonb_each(r.data) e) AS v
  FROM forms.data_table_rows r WHERE r.tenant_id = $1 AND r.table_id = $2 AND r.data @> $3::jsonb ORDER BY r.row_id OFFSET $4 LIMIT $5`;

/** p50/p99 in ms of each of `fns`, called in turn `n` times each. */
async function interleaved(n, fns) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t = process.hrtime.bigint();
      await fn(i);
      times[name].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const out = {};
  for (const [name, xs] of Object.entries(times)) {
    xs.sort((a, b) => a - b);
    const at = (q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
    out[name] = { p50: +at(0.5).toFixed(2), p99: +at(0.99).toFixed(2) };
  }
  return out;
}

function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function seed(databaseUrl, tableId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO forms.data_table_rows (tenant_id, table_id, key, data)
       SELECT 1, $1, '[' || g || ']',
              jsonb_build_object('ID', g, 'CITY', 'City ' || (g % $3), 'NAME', 'Customer ' || g, 'AMOUNT', ((g % 1000) || '.50')::numeric, 'ACTIVE', g % 2)
         FROM generate_series(1, $2::int) g`,
      [tableId, ROWS, CITIES],
    );
    await client.query(`UPDATE forms.data_tables SET row_count = $2::bigint, counters = jsonb_build_object('ID', $3::text) WHERE id = $1`, [tableId, ROWS, String(ROWS)]);
    await client.query('COMMIT');
    await client.query('ANALYZE forms.data_table_rows');
  } finally {
    await client.end();
  }
}

async function main() {
  await build();
  const data = newDataDir();
  const port = randomPort();
  const url = `http://127.0.0.1:${port}`;
  const child = startServer(data.dir, port);
  try {
    await waitHealthy(url, 60_000);
    const databaseUrl = databaseUrlOf(data.dir);
    const auth = { authorization: basicAuth('admin', ADMIN_PASSWORD), 'content-type': 'application/json' };
    const created = await fetch(`${url}/api/1.0/workflow/pmtable`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        pmt_tab_name: 'PMT_CUSTOMERS',
        fields: [
          { fld_name: 'ID', fld_type: 'INTEGER', fld_key: 1, fld_autoincrement: 1 },
          { fld_name: 'CITY', fld_type: 'VARCHAR', fld_size: 40 },
          { fld_name: 'NAME', fld_type: 'VARCHAR', fld_size: 60 },
          { fld_name: 'AMOUNT', fld_type: 'DECIMAL' },
          { fld_name: 'ACTIVE', fld_type: 'BOOLEAN' },
        ],
      }),
    });
    if (created.status !== 201) throw new Error(`POST pmtable: ${created.status} ${await created.text()}`);
    const uid = (await created.json()).pmt_uid;
    const tableId = uid.replace(/^0+/, '');
    const started = Date.now();
    await seed(databaseUrl, tableId);
    console.log(`seeded ${ROWS} rows (${CITIES} cities, ${ROWS / CITIES} rows each) in ${Date.now() - started} ms`);

    const rnd = lcg(11);
    const city = () => `City ${Math.floor(rnd() * CITIES)}`;
    const dataUrl = (c) => `${url}/api/1.0/workflow/pmtable/${uid}/data?q=${encodeURIComponent(JSON.stringify({ where: { city: c } }))}`;
    const probe = await (await fetch(dataUrl('City 1234'), { headers: auth })).json();
    if (probe.count !== ROWS / CITIES || probe.rows.length !== ROWS / CITIES || probe.rows[0].city !== 'City 1234') {
      throw new Error(`unexpected answer: ${JSON.stringify(probe).slice(0, 300)}`);
    }
    const structure = await fetch(`${url}/api/1.0/workflow/pmtable/${uid}`, { headers: auth });
    if (!structure.ok || (await structure.json()).pmt_num_rows !== ROWS) throw new Error('GET pmtable/{uid} failed');

    // The plan, with the index and without it.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const params = (c) => ['1', tableId, JSON.stringify({ CITY: c }), 0, 10_000];
    const plan = (await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${FILTERED}`, params('City 42'))).rows.map((r) => r['QUERY PLAN']);
    console.log('plan of the filtered query:');
    console.log(plan.map((l) => `  ${l}`).join('\n'));
    if (!plan.some((l) => l.includes('data_table_rows_data_gin'))) throw new Error('the filtered query does not use the GIN index');

    const warm = async (fn) => {
      for (let i = 0; i < 50; i++) await fn(i);
    };
    const httpFiltered = async () => {
      const res = await fetch(dataUrl(city()), { headers: auth });
      if (!res.ok) throw new Error(`GET data: ${res.status}`);
      await res.arrayBuffer();
    };
    const httpStructure = async () => {
      const res = await fetch(`${url}/api/1.0/workflow/pmtable/${uid}`, { headers: auth });
      if (!res.ok) throw new Error(`GET pmtable: ${res.status}`);
      await res.arrayBuffer();
    };
    const httpFirstRows = async () => {
      const res = await fetch(`${url}/api/1.0/workflow/pmtable/${uid}/data?limit=10`, { headers: auth });
      if (!res.ok) throw new Error(`GET data: ${res.status}`);
      await res.arrayBuffer();
    };
    await warm(httpFiltered);
    await warm(httpStructure);
    await warm(httpFirstRows);
    // Interleaved (one of each per round), so that load from elsewhere on the machine weighs on all alike.
    const http = await interleaved(SAMPLES, {
      'baseline: GET pmtable/{uid} (same stack, PK lookup of the definition)': httpStructure,
      'baseline: GET pmtable/{uid}/data?limit=10 (first 10 rows in key order)': httpFirstRows,
      'GET pmtable/{uid}/data?q={"where":{"CITY":…}} (10 of 100,000 rows)': httpFiltered,
    });
    console.log('HTTP, 1 connection, sequential requests (ms):');
    console.table(http);

    const sqlIndexed = () => pool.query({ text: FILTERED, values: params(city()) });
    await warm(sqlIndexed);
    const sql = await interleaved(SAMPLES, {
      'SQL, GIN index (data @> filter)': sqlIndexed,
      'SQL, primary-key lookup of one row (baseline)': () =>
        pool.query({ text: 'SELECT data FROM forms.data_table_rows WHERE tenant_id = 1 AND table_id = $1 AND key = $2', values: [tableId, `[${1 + Math.floor(rnd() * ROWS)}]`] }),
    });
    const client = await pool.connect();
    try {
      await client.query('SET enable_bitmapscan = off');
      await client.query('SET enable_indexscan = off');
      const unindexedPlan = (await client.query(`EXPLAIN (COSTS OFF) ${FILTERED}`, params('City 42'))).rows.map((r) => r['QUERY PLAN']);
      console.log('plan without index scans (baseline):');
      console.log(unindexedPlan.map((l) => `  ${l}`).join('\n'));
      const n = Math.max(20, Math.floor(SAMPLES / 10));
      sql[`SQL, unindexed scan of the same filter (${n} samples)`] = await latency(n, () => client.query({ text: FILTERED, values: params(city()) }));
    } finally {
      client.release();
    }
    console.log('SQL straight on the database, 1 connection (ms):');
    console.table(sql);
    await pool.end();
  } finally {
    await stopServer(child);
    data.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
