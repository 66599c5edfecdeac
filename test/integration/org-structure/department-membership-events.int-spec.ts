import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { MembershipChangedPayload } from '../../../libs/contracts/index.js';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../src/identity/index.js';
import { DeleteUser } from '../../../src/identity/application/users/delete-user.use-case.js';
import { AssignUserToDepartment } from '../../../src/org-structure/application/departments/assign-user-to-department.use-case.js';
import { CreateDepartment } from '../../../src/org-structure/application/departments/create-department.use-case.js';
import { DeleteDepartment } from '../../../src/org-structure/application/departments/delete-department.use-case.js';
import { SetDepartmentManager } from '../../../src/org-structure/application/departments/set-department-manager.use-case.js';
import { UnassignUserFromDepartment } from '../../../src/org-structure/application/departments/unassign-user-from-department.use-case.js';
import { UpdateDepartment } from '../../../src/org-structure/application/departments/update-department.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser } from '../../support/db.js';

const admin: Principal = {
  userId: '1',
  tenantId: '1',
  tenantKey: 'workflow',
  username: 'admin',
  email: 'admin@example.com',
  permissions: new Set(['PM_USERS', 'tenant-admin', 'tenant-mgmt', 'PM_SETUP_ADVANCE']),
  via: 'basic',
};

interface Published {
  readonly payload: MembershipChangedPayload;
  readonly tenantId: string;
  /** Whether the bus was called inside the use case's transaction. */
  readonly inTransaction: boolean;
}

describe('org-structure departments: membership changes go through the domain-event bus', () => {
  let t: TestApp;
  let published: Published[];
  let users: string[];
  let create: CreateDepartment;
  let update: UpdateDepartment;
  let assign: AssignUserToDepartment;
  let unassign: UnassignUserFromDepartment;
  let setManager: SetDepartmentManager;

  /** The department membership events published since the last call, in a compact form. */
  const changes = (): string[] => {
    const out = published.map(({ payload: p, tenantId, inTransaction }) => {
      expect(inTransaction).toBe(true);
      expect(tenantId).toBe('1');
      return p.scope === 'department' ? `${p.change} ${p.memberId} ${p.departmentId}` : `group ${p.change}`;
    });
    published = [];
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp();
    // Records what reaches the bus and then lets it do its work as always (handlers, outbox).
    const bus = t.app.get(DomainEventBus);
    const uow = t.app.get(UnitOfWork);
    const publish = bus.publish.bind(bus);
    bus.publish = (async (type, payload, tenantId) => {
      if (type === 'org-structure.membership.changed') published.push({ payload: payload as MembershipChangedPayload, tenantId, inTransaction: uow.inTransaction });
      return publish(type, payload, tenantId);
    }) as typeof bus.publish;
    create = t.app.get(CreateDepartment);
    update = t.app.get(UpdateDepartment);
    assign = t.app.get(AssignUserToDepartment);
    unassign = t.app.get(UnassignUserFromDepartment);
    setManager = t.app.get(SetDepartmentManager);
    users = [];
    for (let i = 0; i < 4; i++) users.push(await insertUser(t, { username: `dept-event-${i}`, password: 'Passw0rd-x' }));
  });
  beforeEach(() => {
    published = [];
  });
  afterAll(async () => {
    await t.close();
  });

  it('assign, move, set manager and unassign each say what changed, for which user and department', async () => {
    const [a, b, c] = users as [string, string, string];
    const sales = await create.execute({ actor: admin, tenantId: '1', title: 'Sales', parentId: null, managerId: null });
    const support = await create.execute({ actor: admin, tenantId: '1', title: 'Support', parentId: null, managerId: null });
    expect(changes()).toEqual([]);

    // The first member of a department without a manager becomes its manager.
    await assign.execute({ actor: admin, tenantId: '1', departmentId: sales, userId: a });
    expect(changes()).toEqual([`added ${a} ${sales}`, `manager-appointed ${a} ${sales}`]);
    await assign.execute({ actor: admin, tenantId: '1', departmentId: sales, userId: b });
    expect(changes()).toEqual([`added ${b} ${sales}`]);
    // Already there: nothing changes, nothing is said.
    await assign.execute({ actor: admin, tenantId: '1', departmentId: sales, userId: b });
    expect(changes()).toEqual([]);

    await setManager.execute({ actor: admin, tenantId: '1', departmentId: sales, userId: b });
    expect(changes()).toEqual([`manager-removed ${a} ${sales}`, `manager-appointed ${b} ${sales}`]);

    // A manager who moves leaves their old department without one.
    await assign.execute({ actor: admin, tenantId: '1', departmentId: support, userId: b });
    expect(changes()).toEqual([`manager-removed ${b} ${sales}`, `removed ${b} ${sales}`, `added ${b} ${support}`, `manager-appointed ${b} ${support}`]);

    // A user in no department made manager joins the department.
    await setManager.execute({ actor: admin, tenantId: '1', departmentId: sales, userId: c });
    expect(changes()).toEqual([`added ${c} ${sales}`, `manager-appointed ${c} ${sales}`]);

    await update.execute({ actor: admin, tenantId: '1', departmentId: sales, managerId: null });
    expect(changes()).toEqual([`manager-removed ${c} ${sales}`]);

    await unassign.execute({ actor: admin, tenantId: '1', departmentId: sales, userId: a });
    expect(changes()).toEqual([`removed ${a} ${sales}`]);
  });

  it('a refused change publishes nothing and changes nothing', async () => {
    const [, , , d] = users as [string, string, string, string];
    const hr = await create.execute({ actor: admin, tenantId: '1', title: 'HR', parentId: null, managerId: d });
    expect(changes()).toEqual([`added ${d} ${hr}`, `manager-appointed ${d} ${hr}`]);
    await expect(t.app.get(DeleteDepartment).execute({ actor: admin, tenantId: '1', departmentId: hr })).rejects.toMatchObject({ code: 'ORG.DEPARTMENT_HAS_MEMBERS' });
    await expect(unassign.execute({ actor: admin, tenantId: '1', departmentId: hr, userId: users[0]! })).rejects.toBeDefined();
    expect(changes()).toEqual([]);
  });

  it('deleting a user takes them out of their department, and says so in the deletion\'s transaction', async () => {
    const e = await insertUser(t, { username: 'dept-event-deleted', password: 'Passw0rd-x' });
    const legal = await create.execute({ actor: admin, tenantId: '1', title: 'Legal', parentId: null, managerId: e });
    changes();
    await t.app.get(DeleteUser).execute({ actor: admin, userId: e });
    expect(changes()).toEqual([`manager-removed ${e} ${legal}`, `removed ${e} ${legal}`]);
    // With no members left, the department can go; that changes no membership.
    await t.app.get(DeleteDepartment).execute({ actor: admin, tenantId: '1', departmentId: legal });
    expect(changes()).toEqual([]);
  });
});
