// Benchmark: organization structure at scale (issue "Organization structure").
//
//   npm run bench:org
//
// Builds, starts the server on a throwaway embedded PostgreSQL, seeds 10,000 users, 1,000 groups
// nested 8 levels deep (parent edges) with 2 memberships per user, and a 500-department tree with
// every user in a department; then prints p50/p99 of
//   - members of a top-level group including nested ones (OrgStructureApi.membersOfGroup),
//   - groups of a user, direct and inherited (OrgStructureApi.groupsOfUser),
//   - manager of a user ("reports to"),
// measured in-process through the real facade, and over HTTP
//   - the ProcessMaker 3 department tree, GET /api/1.0/workflow/departments,
//   - GET /api/1.0/workflow/users?filter=,
// each beside its baseline in the same run: a primary-key lookup of one user on the same pool
// (the database round-trip floor) for the facade, GET /health for HTTP.
import pg from 'pg';
import {
  ADMIN_PASSWORD, applicationContext, basicAuth, build, compiled, databaseUrlOf, latency, load, newDataDir, randomPort, row, startServer, stopServer,
  waitHealthy,
} from './support.mjs';

const USERS = 10_000;
const GROUPS = 1_000;
const GROUP_DEPTH = 8;
const DEPARTMENTS = 500;
const DEPARTMENT_DEPTH = 6;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);

/** Deterministic pseudo-random numbers, so every run seeds the same shapes. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random forest of `n` nodes whose depth never exceeds `maxDepth`; the first `roots` are roots. */
function forest(n, roots, maxDepth, rnd) {
  const parent = new Array(n).fill(-1);
  const depth = new Array(n).fill(1);
  const open = [];
  for (let i = 0; i < roots; i++) open.push(i);
  // A spine per root first, so that every root reaches the full depth.
  let next = roots;
  for (let r = 0; r < roots && next < n; r++) {
    let p = r;
    for (let d = 2; d <= maxDepth && next < n; d++, next++) {
      parent[next] = p;
      depth[next] = d;
      if (d < maxDepth) open.push(next);
      p = next;
    }
  }
  for (; next < n; next++) {
    const p = open[Math.floor(rnd() * open.length)];
    parent[next] = p;
    depth[next] = depth[p] + 1;
    if (depth[next] < maxDepth) open.push(next);
  }
  return { parent, depth };
}

async function seed(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rnd = lcg(42);
  try {
    await client.query('BEGIN');
    const users = await client.query(
      `INSERT INTO identity.users (tenant_id, username, email, first_name, last_name, role_id)
       SELECT 1, 'user' || g, 'user' || g || '@example.com', 'First' || g, (ARRAY['Smith','Jones','Brown','Miller','Davis'])[1 + g % 5] || g, 3
         FROM generate_series(1, $1) g RETURNING id::text`,
      [USERS],
    );
    const userIds = users.rows.map((r) => r.id);

    const g = forest(GROUPS, 10, GROUP_DEPTH, rnd);
    const groupIds = [];
    for (let i = 0; i < GROUPS; i++) {
      const parent = g.parent[i] >= 0 ? groupIds[g.parent[i]] : null;
      const res = await client.query(
        `INSERT INTO org_structure.groups (tenant_id, title, kind, parent_id) VALUES (1, $1, 'functional', $2) RETURNING id::text`,
        [`Group ${i} (depth ${g.depth[i]})`, parent],
      );
      groupIds.push(res.rows[0].id);
    }
    const memberGroup = [];
    const memberUser = [];
    for (const u of userIds) {
      const a = Math.floor(rnd() * GROUPS);
      const b = (a + 1 + Math.floor(rnd() * (GROUPS - 1))) % GROUPS;
      memberGroup.push(groupIds[a], groupIds[b]);
      memberUser.push(u, u);
    }
    await client.query(
      `INSERT INTO org_structure.group_members (tenant_id, group_id, user_id)
       SELECT 1, g::bigint, u::bigint FROM unnest($1::text[], $2::text[]) AS t(g, u)`,
      [memberGroup, memberUser],
    );

    const d = forest(DEPARTMENTS, 5, DEPARTMENT_DEPTH, rnd);
    const departmentIds = [];
    for (let i = 0; i < DEPARTMENTS; i++) {
      const parent = d.parent[i] >= 0 ? departmentIds[d.parent[i]] : null;
      const res = await client.query(
        `INSERT INTO org_structure.departments (tenant_id, title, parent_id) VALUES (1, $1, $2) RETURNING id::text`,
        [`Department ${i}`, parent],
      );
      departmentIds.push(res.rows[0].id);
    }
    const deptOfUser = userIds.map((_, i) => departmentIds[i % DEPARTMENTS]);
    await client.query(
      `INSERT INTO org_structure.department_members (tenant_id, user_id, department_id)
       SELECT 1, u::bigint, d::bigint FROM unnest($1::text[], $2::text[]) AS t(u, d)`,
      [userIds, deptOfUser],
    );
    // The first member of each department manages it.
    await client.query(
      `UPDATE org_structure.departments dep SET manager_id = m.user_id
         FROM (SELECT DISTINCT ON (department_id) department_id, user_id FROM org_structure.department_members ORDER BY department_id, user_id) m
        WHERE dep.id = m.department_id`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const roots = groupIds.slice(0, 10);
    return { userIds, groupIds, roots };
  } finally {
    await client.end();
  }
}

async function main() {
  if (process.env.NO_BUILD !== '1') await build();
  const data = newDataDir();
  const port = randomPort();
  const url = `http://127.0.0.1:${port}`;
  let child = startServer(data.dir, port);
  await waitHealthy(url, 60_000);
  const databaseUrl = databaseUrlOf(data.dir);
  let app;
  try {
    const started = Date.now();
    const seeded = await seed(databaseUrl);
    console.log(`seeded ${USERS} users, ${GROUPS} groups (depth ${GROUP_DEPTH}), ${DEPARTMENTS} departments in ${Date.now() - started} ms`);

    // The facade, in-process, on the same database (an application context: no HTTP listener).
    app = await applicationContext(databaseUrl, { outboxPollMs: 60_000 });
    const OrgStructureApi = await compiled('src/org-structure/index.js', 'OrgStructureApi');
    const org = app.get(OrgStructureApi);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

    const nestedSizes = await Promise.all(seeded.roots.map((g) => org.membersOfGroup('1', g).then((m) => m.length)));
    const biggest = seeded.roots[nestedSizes.indexOf(Math.max(...nestedSizes))];
    const rnd = lcg(7);
    const pickUser = () => seeded.userIds[Math.floor(rnd() * seeded.userIds.length)];

    const facade = {
      'baseline: primary-key lookup of one user': await latency(SAMPLES, () =>
        pool.query({ name: 'pk', text: 'SELECT id, username FROM identity.users WHERE id = $1', values: [pickUser()] })),
      [`members of a top-level group incl. nested (${Math.max(...nestedSizes)} users)`]: await latency(SAMPLES, () => org.membersOfGroup('1', biggest)),
      'members of a random top-level group': await latency(SAMPLES, (i) => org.membersOfGroup('1', seeded.roots[i % seeded.roots.length])),
      'groups of a user (direct + inherited)': await latency(SAMPLES, () => org.groupsOfUser('1', pickUser())),
      'manager of a user (reports to)': await latency(SAMPLES, () => org.managerOfUser('1', pickUser())),
    };
    console.log('facade, in-process, sequential calls (ms):');
    console.table(facade);
    console.log('targets: nested-members p99 < 20 ms');
    await pool.end();

    const auth = basicAuth('admin', ADMIN_PASSWORD);
    const check = await fetch(`${url}/api/1.0/workflow/departments`, { headers: { authorization: auth } });
    if (!check.ok) throw new Error(`GET departments: ${check.status}`);
    const rows = [];
    for (const connections of [1, 32]) {
      rows.push(row('baseline GET /health', connections, await load({ url: `${url}/health`, connections })));
      rows.push(row('GET departments (pm3 tree of 500)', connections, await load({ url: `${url}/api/1.0/workflow/departments`, connections, headers: { authorization: auth } })));
      rows.push(row('GET users?filter=smith (10k users)', connections, await load({ url: `${url}/api/1.0/workflow/users?filter=smith&start=0&limit=25`, connections, headers: { authorization: auth } })));
    }
    console.log('HTTP (autocannon; latency in ms):');
    console.table(rows);
    console.log('targets: department tree < 100 ms');
  } finally {
    if (app) await app.close();
    await stopServer(child);
    data.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
