import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../../src/identity/index.js';
import { DeployApps } from '../../../src/process-engine/application/apps/deploy-apps.use-case.js';
import { PublishApp } from '../../../src/process-engine/application/apps/publish-app.use-case.js';
import { CreateFilter } from '../../../src/process-engine/application/filters/save-filter.use-case.js';
import { ReorderFilters } from '../../../src/process-engine/application/filters/reorder-filters.use-case.js';
import { CreateModel } from '../../../src/process-engine/application/models/create-model.use-case.js';
import { UpdateModel } from '../../../src/process-engine/application/models/update-model.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { oneTaskBpmn, principalOf } from '../../support/engine.js';

/**
 * The modeler's use cases against the real PostgreSQL under concurrency: saves of one model lock
 * its row (every save becomes its own version, the history has no gaps or duplicates), filter
 * positions stay distinct, and concurrent deployments of one app each get their own definition
 * versions.
 */
describe('engine models: concurrent saves, filters and deployments', () => {
  let t: TestApp;
  let alice: Principal;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await principalOf(t, await insertUser(t, { username: 'alice-models', password: 'pw-alice-models' }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('eight concurrent content saves of one model make versions 2…9, each previous one in the history once', async () => {
    const create = t.app.get(CreateModel, { strict: false });
    const update = t.app.get(UpdateModel, { strict: false });
    const model = await create.execute({ actor: alice, name: 'Busy', modelType: 0 });
    const saves = Array.from({ length: 8 }, (_, i) => update.execute({ actor: alice, id: model.id, content: oneTaskBpmn('busy', `Save ${i}`), comment: `save ${i}` }));
    const results = await Promise.all(saves);
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const history = await sql<{ version: number }>(t, `SELECT version FROM process_engine.model_history WHERE model_id = $1 ORDER BY version`, [model.id]);
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Each history row holds the content that its version had: no two versions share a save's XML.
    const contents = await sql<{ content: string }>(t, `SELECT content FROM process_engine.model_history WHERE model_id = $1 AND version > 1`, [model.id]);
    expect(new Set(contents.map((c) => c.content)).size).toBe(7);
  });

  it('ten concurrent filter creates get positions 0…9; a concurrent reorder sees a consistent list', async () => {
    const create = t.app.get(CreateFilter, { strict: false });
    const reorder = t.app.get(ReorderFilters, { strict: false });
    const created = await Promise.all(Array.from({ length: 10 }, (_, i) => create.execute({ actor: alice, kind: 'task', name: `F${i}` })));
    expect(created.map((f) => f.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ids = created.map((f) => f.id);
    const [a, b] = await Promise.all([
      reorder.execute({ actor: alice, kind: 'task', appId: null, order: [...ids].reverse() }),
      reorder.execute({ actor: alice, kind: 'task', appId: null, order: ids }),
    ]);
    for (const list of [a, b]) expect(list.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rows = await sql<{ position: number }>(t, `SELECT position FROM process_engine.filters WHERE user_id = $1 ORDER BY position`, [alice.userId]);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('two concurrent deployments of one published app both succeed with their own definition versions', async () => {
    const create = t.app.get(CreateModel, { strict: false });
    const process = await create.execute({ actor: alice, name: 'Parallel deploy', modelType: 0, content: oneTaskBpmn('parallelDeploy') });
    const app = await create.execute({ actor: alice, name: 'App', modelType: 3, content: JSON.stringify({ models: [{ id: Number(process.id) }] }) });
    await t.app.get(PublishApp, { strict: false }).execute({ actor: alice, modelId: app.id });
    const deploy = t.app.get(DeployApps, { strict: false });
    const [x, y] = await Promise.all([deploy.execute({ actor: alice, ids: [app.id] }), deploy.execute({ actor: alice, ids: [app.id] })]);
    expect(x[0]!.deploymentId).not.toBe(y[0]!.deploymentId);
    const defs = await sql<{ version: number; app_definition_id: string }>(
      t,
      `SELECT version, app_definition_id::text FROM process_engine.process_definitions WHERE key = 'parallelDeploy' ORDER BY version`,
    );
    expect(defs).toEqual([
      { version: 1, app_definition_id: app.id },
      { version: 2, app_definition_id: app.id },
    ]);
    expect((await sql(t, `SELECT 1 FROM process_engine.app_deployments WHERE app_model_id = $1`, [app.id])).length).toBe(2);
  });
});
