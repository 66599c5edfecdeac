import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { type VariableScope, VariableStore } from '../../../src/process-engine/infrastructure/variable.store.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { RuntimeFixtures } from '../../e2e/aps/engine-runtime-data.fixtures.js';

/** VariableStore against the real Postgres: scopes, upserts, history, deletes. */
describe('VariableStore', () => {
  let t: TestApp;
  let store: VariableStore;
  let uow: UnitOfWork;
  let fx: RuntimeFixtures;

  const inTx = <T>(work: () => Promise<T>): Promise<T> => uow.run(work);
  const history = (where: string, id: string) =>
    sql(t, `SELECT name, type, value, change, changed_by::text AS by, task_id::text AS task FROM process_engine.variable_history WHERE ${where} = $1 ORDER BY id`, [id]);

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(VariableStore, { strict: false });
    uow = t.app.get(UnitOfWork, { strict: false });
    fx = new RuntimeFixtures(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps instance and task-local variables apart, upserts in one statement and records created, updated and deleted', async () => {
    const instanceId = await fx.instance({ startedBy: 1 });
    const taskId = await fx.task({ instanceId, assigneeId: 1 });
    const global: VariableScope = { kind: 'instance', tenantId: '1', instanceId };
    const local: VariableScope = { kind: 'task', tenantId: '1', taskId, instanceId };

    await inTx(() => store.set(global, [{ name: 'a', type: 'integer', value: 1 }, { name: 'j', type: 'json', value: { x: [1] } }], '1'));
    await inTx(() => store.set(local, [{ name: 'a', type: 'string', value: 'local' }], '1'));
    await inTx(() => store.set(global, [{ name: 'a', type: 'long', value: 2 ** 40 }, { name: 'n', type: 'null', value: null }], '1'));

    expect((await store.list(global)).map((v) => [v.name, v.type, v.value, v.scope, v.taskId])).toEqual([
      ['a', 'long', 2 ** 40, 'global', null],
      ['j', 'json', { x: [1] }, 'global', null],
      ['n', 'null', null, 'global', null],
    ]);
    expect((await store.list(local)).map((v) => [v.name, v.type, v.value, v.scope, v.taskId])).toEqual([['a', 'string', 'local', 'local', taskId]]);
    expect(await store.valuesOf('1', instanceId)).toEqual({ a: 2 ** 40, j: { x: [1] }, n: null });
    expect(await store.existing(global, ['a', 'zz', 'n'])).toEqual(expect.arrayContaining(['a', 'n']));
    expect((await store.existing(global, ['a', 'zz', 'n'])).length).toBe(2);
    expect(await store.existing(local, [])).toEqual([]);
    expect(await store.get(local, 'j')).toBeNull();

    expect(await inTx(() => store.delete(global, ['a', 'missing'], '1'))).toBe(1);
    expect(await inTx(() => store.delete(local, null, '1'))).toBe(1);
    expect(await store.list(local)).toEqual([]);
    expect((await store.list(global)).map((v) => v.name)).toEqual(['j', 'n']);

    expect(await history('instance_id', instanceId)).toEqual([
      { name: 'a', type: 'integer', value: 1, change: 'created', by: '1', task: null },
      { name: 'j', type: 'json', value: { x: [1] }, change: 'created', by: '1', task: null },
      { name: 'a', type: 'string', value: 'local', change: 'created', by: '1', task: taskId },
      { name: 'a', type: 'long', value: 2 ** 40, change: 'updated', by: '1', task: null },
      { name: 'n', type: 'null', value: null, change: 'created', by: '1', task: null },
      { name: 'a', type: 'long', value: null, change: 'deleted', by: '1', task: null },
      { name: 'a', type: 'string', value: null, change: 'deleted', by: '1', task: taskId },
    ]);
  });

  it('a name given twice in one call keeps the last value instead of failing the statement', async () => {
    const instanceId = await fx.instance({ startedBy: 1 });
    const scope: VariableScope = { kind: 'instance', tenantId: '1', instanceId };
    await inTx(() => store.set(scope, [{ name: 'x', type: 'integer', value: 1 }, { name: 'x', type: 'integer', value: 2 }], null));
    expect((await store.list(scope)).map((v) => v.value)).toEqual([2]);
    expect(await history('instance_id', instanceId)).toEqual([{ name: 'x', type: 'integer', value: 2, change: 'created', by: null, task: null }]);
  });

  it('variables of a standalone task have no instance; another tenant\'s scope sees none of them', async () => {
    const taskId = await fx.task({ assigneeId: 1 });
    const scope: VariableScope = { kind: 'task', tenantId: '1', taskId, instanceId: null };
    await inTx(() => store.set(scope, [{ name: 'd', type: 'date', value: '2026-11-22T10:00:00.000Z' }], '1'));
    expect(await store.get(scope, 'd')).toEqual(expect.objectContaining({ name: 'd', type: 'date', value: '2026-11-22T10:00:00.000Z', scope: 'local', instanceId: null }));
    expect(await store.list({ kind: 'task', tenantId: '2', taskId, instanceId: null })).toEqual([]);
    expect(await history('task_id', taskId)).toEqual([{ name: 'd', type: 'date', value: '2026-11-22T10:00:00.000Z', change: 'created', by: '1', task: taskId }]);
  });
});
