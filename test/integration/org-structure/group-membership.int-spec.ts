import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../../src/identity/index.js';
import { OrgStructureApi } from '../../../src/org-structure/index.js';
import { AddGroupCapabilities } from '../../../src/org-structure/application/groups/add-group-capabilities.use-case.js';
import { AddGroupMember } from '../../../src/org-structure/application/groups/add-group-member.use-case.js';
import { CreateGroup } from '../../../src/org-structure/application/groups/create-group.use-case.js';
import { ListGroups } from '../../../src/org-structure/application/groups/list-groups.query.js';
import { RemoveGroupMember } from '../../../src/org-structure/application/groups/remove-group-member.use-case.js';
import { UpdateGroup } from '../../../src/org-structure/application/groups/update-group.use-case.js';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';

const admin: Principal = {
  userId: '1',
  tenantId: '1',
  tenantKey: 'workflow',
  username: 'admin',
  email: 'admin@example.com',
  permissions: new Set(['PM_USERS', 'tenant-admin', 'tenant-mgmt', 'access-reports']),
  via: 'basic',
};

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('org-structure groups: nested membership, cycles, capabilities as permissions', () => {
  let t: TestApp;
  let api: OrgStructureApi;
  let create: CreateGroup;
  let update: UpdateGroup;
  let add: AddGroupMember;
  let remove: RemoveGroupMember;
  let users: string[];

  beforeAll(async () => {
    t = await startTestApp();
    api = t.app.get(OrgStructureApi);
    create = t.app.get(CreateGroup);
    update = t.app.get(UpdateGroup);
    add = t.app.get(AddGroupMember);
    remove = t.app.get(RemoveGroupMember);
    users = [];
    for (let i = 0; i < 9; i++) users.push(await insertUser(t, { username: `u${i}`, password: 'Passw0rd-x' }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('members of a group include users 8 levels down through parents, and groups of a user are direct + inherited', async () => {
    const chain: string[] = [];
    for (let i = 0; i < 9; i++) {
      const g = await create.execute({ actor: admin, title: `P${i}`, parentId: chain[i - 1] ?? null });
      chain.push(g.id);
      await add.execute({ actor: admin, groupId: g.id, member: { type: 'user', id: users[i]! } });
    }
    expect((await api.membersOfGroup('1', chain[0]!)).sort()).toEqual([...users].sort());
    expect(await api.membersOfGroup('1', chain[8]!)).toEqual([users[8]]);
    const of = await api.groupsOfUser('1', users[8]!);
    expect(of).toHaveLength(9);
    expect(of.filter((g) => g.direct).map((g) => g.id)).toEqual([chain[8]]);
    // A cycle through parents is refused, and nothing changes.
    expect(await codeOf(update.execute({ actor: admin, groupId: chain[0]!, parentId: chain[8]! }))).toBe('ORG.GROUP_CYCLE');
    expect(await codeOf(update.execute({ actor: admin, groupId: chain[0]!, parentId: chain[0]! }))).toBe('ORG.GROUP_SELF_MEMBER');
    expect(await codeOf(add.execute({ actor: admin, groupId: chain[8]!, member: { type: 'group', id: chain[0]! } }))).toBe('ORG.GROUP_CYCLE');
    // An INACTIVE group cuts off what is reached only through it.
    await update.execute({ actor: admin, groupId: chain[4]!, status: 'INACTIVE' });
    expect((await api.membersOfGroup('1', chain[0]!)).sort()).toEqual(users.slice(0, 4).sort());
    expect(await api.groupsOfUser('1', users[8]!)).toHaveLength(4);
    await update.execute({ actor: admin, groupId: chain[4]!, status: 'ACTIVE' });
  });

  it('nests 8 levels through group-in-group memberships too, refusing self-membership and cycles', async () => {
    const chain: string[] = [];
    for (let i = 0; i < 9; i++) {
      const g = await create.execute({ actor: admin, title: `M${i}` });
      if (i > 0) await add.execute({ actor: admin, groupId: chain[i - 1]!, member: { type: 'group', id: g.id } });
      chain.push(g.id);
    }
    await add.execute({ actor: admin, groupId: chain[8]!, member: { type: 'user', id: users[0]! } });
    expect(await api.membersOfGroup('1', chain[0]!)).toEqual([users[0]]);
    expect(await codeOf(add.execute({ actor: admin, groupId: chain[3]!, member: { type: 'group', id: chain[3]! } }))).toBe('ORG.GROUP_SELF_MEMBER');
    expect(await codeOf(add.execute({ actor: admin, groupId: chain[8]!, member: { type: 'group', id: chain[2]! } }))).toBe('ORG.GROUP_CYCLE');
    const edges = await sql(t, `SELECT 1 FROM org_structure.group_members WHERE group_id = $1 AND member_group_id IS NOT NULL`, [chain[8]]);
    expect(edges).toEqual([]);
  });

  it('refuses a parent in another tenant, and system groups in any nesting', async () => {
    await sql(t, `INSERT INTO identity.tenants (id, key, name) VALUES (2, 'other', 'Other') ON CONFLICT DO NOTHING`);
    const foreign = await create.execute({ actor: admin, tenantId: '2', title: 'Foreign' });
    expect(await codeOf(create.execute({ actor: admin, title: 'Child', parentId: foreign.id }))).toBe('ORG.PARENT_GROUP_NOT_FOUND');
    const system = await create.execute({ actor: admin, title: 'Sys', kind: 'system' });
    expect(await codeOf(create.execute({ actor: admin, title: 'Under sys', parentId: system.id }))).toBe('ORG.SYSTEM_GROUP_NESTING');
  });

  it('a capability of a system group is a permission of its members on the very next request, and removal takes it away at once', async () => {
    const login = basic('u5', 'Passw0rd-x');
    const adminUsers = () => t.http().get('/activiti-app/api/enterprise/admin/users').set('Authorization', login);
    expect((await adminUsers()).status).toBe(403);
    const group = await create.execute({ actor: admin, title: 'Tenant admins', kind: 'system' });
    await t.app.get(AddGroupCapabilities).execute({ actor: admin, groupId: group.id, capabilities: ['tenant-admin'] });
    await add.execute({ actor: admin, groupId: group.id, member: { type: 'user', id: users[5]! } });
    expect((await adminUsers()).status).toBe(200);
    await remove.execute({ actor: admin, groupId: group.id, member: { type: 'user', id: users[5]! } });
    expect((await adminUsers()).status).toBe(403);
  });

  it('lists by whole title, case-insensitively and literally, in the tenant asked', async () => {
    const list = t.app.get(ListGroups);
    const exact = await create.execute({ actor: admin, title: 'Named 100%' });
    for (const title of ['Named 1000%', 'Pre-Named 100%', 'Named 1005']) await create.execute({ actor: admin, title });
    const titled = async (titleEquals: string, tenantId?: string) =>
      (await list.execute({ actor: admin, tenantId, titleEquals })).items.map((g) => g.id);
    expect(await titled('named 100%')).toEqual([exact.id]);
    expect(await titled('NAMED 100%')).toEqual([exact.id]);
    // A LIKE wildcard or a part of a title matches nothing.
    expect(await titled('Named 100_')).toEqual([]);
    expect(await titled('Named')).toEqual([]);
    expect(await titled('Named 100%', '2')).toEqual([]);
  });
});
