import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ContentApi, type ContentOwner, type ContentOwnerPolicy } from '../../../src/content/index.js';
import type { Principal } from '../../../src/identity/index.js';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { candidateUserBpmn, completeInProcess, deployBpmn, oneTaskBpmn, principalOf, startInProcess, tasksOf } from '../../support/engine.js';

/**
 * The engine's ContentOwnerPolicy (registered with ContentApi at start): the visibility rule of
 * GET process-instances/{id} and GET tasks/{id}, and open owners only for writing.
 */
describe('engine content owner policy', () => {
  let t: TestApp;
  let policy: ContentOwnerPolicy;
  let alice: Principal;
  let bob: Principal;
  let carol: Principal;
  let admin: Principal;
  let stranger: Principal;
  let instanceId: string;
  let taskId: string;
  let candidateInstanceId: string;
  let candidateTaskId: string;

  const instance = (id: string): ContentOwner => ({ kind: 'process-instance', processInstanceId: id });
  const task = (id: string, processInstanceId: string | null = null): ContentOwner => ({ kind: 'task', taskId: id, processInstanceId });
  const codeOf = async (p: Promise<unknown>): Promise<string> => {
    try {
      return `resolved:${String(await p)}`;
    } catch (e) {
      return (e as { code?: string }).code ?? String(e);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    const aliceId = await insertUser(t, { username: 'alice', password: 'Passw0rd-alice' });
    const bobId = await insertUser(t, { username: 'bob', password: 'Passw0rd-bob' });
    const carolId = await insertUser(t, { username: 'carol', password: 'Passw0rd-carol' });
    const [other] = await sql<{ id: string }>(t, `INSERT INTO identity.tenants (name, key) VALUES ('Other', 'other') RETURNING id::text AS id`);
    const strangerId = await insertUser(t, { username: 'stranger', password: 'Passw0rd-str', tenantId: Number(other!.id), authorities: ['tenant-admin'] });
    [alice, bob, carol, admin, stranger] = await Promise.all([aliceId, bobId, carolId, '1', strangerId].map((id) => principalOf(t, id)));
    await deployBpmn(t, oneTaskBpmn('own'));
    await deployBpmn(t, candidateUserBpmn('carol', 'offered'));
    instanceId = await startInProcess(t, aliceId, 'own');
    taskId = (await tasksOf(t, instanceId))[0]!.id;
    candidateInstanceId = await startInProcess(t, aliceId, 'offered');
    candidateTaskId = (await tasksOf(t, candidateInstanceId))[0]!.id;
    policy = t.app.get(ContentApi, { strict: false }).policy()!;
  });

  afterAll(async () => {
    await t.close();
  });

  it('is registered with ContentApi when the application starts', () => {
    expect(policy).not.toBeNull();
    expect(policy.constructor.name).toBe('EngineContentOwnerPolicy');
  });

  it('lets the involved user and the tenant admin read and write; refuses others of the tenant; hides the owner from other tenants', async () => {
    for (const owner of [instance(instanceId), task(taskId, instanceId)]) {
      expect(await policy.canRead(alice, owner)).toBe('allowed');
      expect(await policy.canWrite(alice, owner)).toBe('allowed');
      expect(await policy.canRead(admin, owner)).toBe('allowed');
      expect(await policy.canWrite(admin, owner)).toBe('allowed');
      expect(await policy.canRead(bob, owner)).toBe('forbidden');
      expect(await policy.canWrite(bob, owner)).toBe('forbidden');
      // A tenant admin of another tenant: the id does not exist for them.
      expect(await policy.canRead(stranger, owner)).toBe('not-found');
      expect(await policy.canWrite(stranger, owner)).toBe('not-found');
    }
  });

  it('lets a candidate of a task read and write the content of the task and of its instance', async () => {
    expect(await policy.canRead(carol, task(candidateTaskId, candidateInstanceId))).toBe('allowed');
    expect(await policy.canWrite(carol, task(candidateTaskId, candidateInstanceId))).toBe('allowed');
    expect(await policy.canRead(carol, instance(candidateInstanceId))).toBe('allowed');
    expect(await policy.canRead(carol, instance(instanceId))).toBe('forbidden');
  });

  it('answers not-found for unknown and malformed ids and for unowned content', async () => {
    for (const owner of [instance('999999'), task('999999'), instance('abc'), task('1; DROP TABLE x'), instance('99999999999999999999'), task('9999999999999999999'), { kind: 'none' } as const]) {
      expect(await policy.canRead(admin, owner)).toBe('not-found');
      expect(await policy.canWrite(admin, owner)).toBe('not-found');
    }
  });

  it('taskOwner: the task with its instance; a standalone task has none; unknown or other tenant is not-found', async () => {
    expect(await policy.taskOwner(bob, taskId)).toEqual({ kind: 'task', taskId, processInstanceId: instanceId });
    const [standalone] = await sql<{ id: string }>(t, `INSERT INTO process_engine.tasks (tenant_id, name, assignee_id) VALUES (1, 'Alone', $1) RETURNING id::text AS id`, [alice.userId]);
    expect(await policy.taskOwner(alice, standalone!.id)).toEqual({ kind: 'task', taskId: standalone!.id, processInstanceId: null });
    expect(await policy.canWrite(alice, task(standalone!.id))).toBe('allowed');
    expect(await policy.canRead(bob, task(standalone!.id))).toBe('forbidden');
    expect(await policy.taskOwner(stranger, taskId)).toBe('not-found');
    expect(await policy.taskOwner(alice, '999999')).toBe('not-found');
    expect(await policy.taskOwner(alice, 'x')).toBe('not-found');
    expect(await policy.taskOwner(alice, '9999999999999999999')).toBe('not-found');
  });

  it('ended owners stay readable but refuse writes with 409 CONTENT.OWNER_ENDED; 403 and 404 keep their priority', async () => {
    const id = await startInProcess(t, alice.userId, 'own');
    const [open] = await tasksOf(t, id);
    await completeInProcess(t, alice.userId, open!.id);
    expect((await sql<{ state: string }>(t, `SELECT state FROM process_engine.process_instances WHERE id = $1`, [id]))[0]!.state).toBe('completed');
    for (const owner of [instance(id), task(open!.id, id)]) {
      expect(await policy.canRead(alice, owner)).toBe('allowed');
      expect(await policy.canRead(admin, owner)).toBe('allowed');
      expect(await codeOf(policy.canWrite(alice, owner))).toBe('CONTENT.OWNER_ENDED');
      expect(await codeOf(policy.canWrite(admin, owner))).toBe('CONTENT.OWNER_ENDED');
      expect(await policy.canWrite(bob, owner)).toBe('forbidden');
      expect(await policy.canWrite(stranger, owner)).toBe('not-found');
    }
  });

  it('records content attached to or deleted from a case in the audit trail, in the publishing transaction', async () => {
    const bus = t.app.get(DomainEventBus, { strict: false });
    const uow = t.app.get(UnitOfWork, { strict: false });
    const payload = { contentId: '77', processInstanceId: instanceId, taskId, name: 'scan.pdf', mimeType: 'application/pdf', relatedContent: true, link: false };
    await uow.run(async () => {
      await bus.publish('content.content.attached', { ...payload, createdBy: alice.userId }, '1');
      await bus.publish('content.content.deleted', { ...payload, deletedBy: admin.userId }, '1');
      // Unowned content (start forms) has no case: no entry; nor has a case the engine does not have, or of another tenant.
      await bus.publish('content.content.attached', { ...payload, processInstanceId: null, taskId: null, createdBy: alice.userId }, '1');
      await bus.publish('content.content.attached', { ...payload, processInstanceId: '999999', taskId: null, createdBy: alice.userId }, '1');
      await bus.publish('content.content.attached', { ...payload, createdBy: alice.userId }, stranger.tenantId);
    });
    const rows = await sql<{ type: string; user: string; task: string; details: Record<string, unknown> }>(
      t,
      `SELECT type, user_id::text AS user, task_id::text AS task, details FROM process_engine.audit_entries
        WHERE instance_id = $1 AND type LIKE 'content-%' ORDER BY id`,
      [instanceId],
    );
    expect(rows).toEqual([
      { type: 'content-attached', user: alice.userId, task: taskId, details: expect.objectContaining({ contentId: '77', name: 'scan.pdf', relatedContent: true }) },
      { type: 'content-deleted', user: admin.userId, task: taskId, details: expect.objectContaining({ contentId: '77', message: 'Content "scan.pdf" deleted' }) },
    ]);
    expect((await sql(t, `SELECT 1 FROM process_engine.audit_entries WHERE type LIKE 'content-%' AND (instance_id IS DISTINCT FROM $1 OR tenant_id <> 1)`, [instanceId])).length).toBe(0);
  });
});
