import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { OrgStructureApi } from '../../../src/org-structure/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';

const TENANT = '1';

describe('org-structure: "reports to" (OrgStructureApi.managerOfUser)', () => {
  let t: TestApp;
  let api: OrgStructureApi;
  /** Fixtures go straight into the tables, on one connection (deep trees take hundreds of rows). */
  let db: pg.Client;
  let serial = 0;

  const sql = async <T>(text: string, params: unknown[]): Promise<T[]> => (await db.query(text, params)).rows as T[];
  const user = async (): Promise<string> =>
    (await sql<{ id: string }>(`INSERT INTO identity.users (tenant_id, username) VALUES ($1, $2) RETURNING id::text AS id`, [TENANT, `u${++serial}`]))[0]!.id;

  /** A department with its members; the manager (when given) is one of them, as the rules keep it. */
  const department = async (parentId: string | null, managerId: string | null, memberIds: readonly string[] = []): Promise<string> => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO org_structure.departments (tenant_id, title, parent_id) VALUES ($1, $2, $3) RETURNING id::text AS id`,
      [TENANT, `Department ${++serial}`, parentId],
    );
    const members = managerId ? [managerId, ...memberIds] : memberIds;
    for (const member of members) {
      await sql(`INSERT INTO org_structure.department_members (tenant_id, user_id, department_id) VALUES ($1, $2, $3)`, [TENANT, member, row!.id]);
    }
    if (managerId) await sql(`UPDATE org_structure.departments SET manager_id = $2 WHERE id = $1`, [row!.id, managerId]);
    return row!.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = t.app.get(OrgStructureApi, { strict: false });
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('a plain member reports to the manager of their department', async () => {
    const [boss, member] = [await user(), await user()];
    await department(null, boss, [member]);
    expect(await api.managerOfUser(TENANT, member)).toBe(boss);
  });

  it('the manager reports to the manager of the parent department', async () => {
    const [top, middle, member] = [await user(), await user(), await user()];
    const parent = await department(null, top);
    await department(parent, middle, [member]);
    expect(await api.managerOfUser(TENANT, middle)).toBe(top);
    expect(await api.managerOfUser(TENANT, member)).toBe(middle);
  });

  it('skips departments above without a manager, and a member of a managerless department reports further up', async () => {
    const [top, lower, member] = [await user(), await user(), await user()];
    const root = await department(null, top);
    const managerless = await department(root, null, [member]);
    await department(managerless, lower);
    expect(await api.managerOfUser(TENANT, lower)).toBe(top);
    expect(await api.managerOfUser(TENANT, member)).toBe(top);
  });

  it('is null with no manager anywhere up the tree, for the top manager, and for a user in no department', async () => {
    const [member, topManager, loner] = [await user(), await user(), await user()];
    const root = await department(null, null);
    await department(root, null, [member]);
    await department(null, topManager);
    expect(await api.managerOfUser(TENANT, member)).toBeNull();
    expect(await api.managerOfUser(TENANT, topManager)).toBeNull();
    expect(await api.managerOfUser(TENANT, loner)).toBeNull();
  });

  it('answers through a deep tree (300 levels, only the root managed)', async () => {
    const [rootBoss, leafBoss, leafMember] = [await user(), await user(), await user()];
    let parent = await department(null, rootBoss);
    for (let level = 0; level < 300; level++) parent = await department(parent, null);
    await department(parent, leafBoss, [leafMember]);
    expect(await api.managerOfUser(TENANT, leafMember)).toBe(leafBoss);
    expect(await api.managerOfUser(TENANT, leafBoss)).toBe(rootBoss);
  });

  it('answers only within the tenant asked about', async () => {
    const [boss, member] = [await user(), await user()];
    await department(null, boss, [member]);
    expect(await api.managerOfUser('2', member)).toBeNull();
  });
});
