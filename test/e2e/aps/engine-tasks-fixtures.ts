import { expect } from '@jest/globals';
import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, expectApsError } from './aps-test-helpers.js';

/*
 * Rows the engine would write (deployments, definitions, instances, tasks, links, variables),
 * inserted by SQL so that the task API can be tested on exactly the data a filter needs.
 */

export type Json = Record<string, unknown>;

export interface Definition {
  readonly id: string;
  readonly deploymentId: string;
}

export async function insertDefinition(
  t: TestApp,
  d: { key: string; name: string; version?: number; appId?: number | null; tenantId?: number; category?: string | null; description?: string | null },
): Promise<Definition> {
  const tenantId = d.tenantId ?? 1;
  const [dep] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.deployments (tenant_id, name, app_definition_id) VALUES ($1, $2, $3) RETURNING id::text AS id`,
    [tenantId, `${d.name} deployment`, d.appId ?? null],
  );
  const version = d.version ?? 1;
  const id = `${d.key}:${version}:${dep!.id}`;
  await sql(
    t,
    `INSERT INTO process_engine.process_definitions (id, tenant_id, key, version, name, description, category, deployment_id, resource_name, app_definition_id, graph)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '{}'::jsonb)`,
    [id, tenantId, d.key, version, d.name, d.description ?? null, d.category ?? null, dep!.id, `${d.key}.bpmn`, d.appId ?? null],
  );
  return { id, deploymentId: dep!.id };
}

export async function insertInstance(
  t: TestApp,
  i: { definitionId: string; name?: string; businessKey?: string | null; startedBy?: number | null; tenantId?: number; ended?: boolean },
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.process_instances (tenant_id, definition_id, name, business_key, started_by, state, ended_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text AS id`,
    [i.tenantId ?? 1, i.definitionId, i.name ?? null, i.businessKey ?? null, i.startedBy ?? null, i.ended ? 'completed' : 'running', i.ended ? new Date() : null],
  );
  return row!.id;
}

export interface NewTaskRow {
  name: string;
  tenantId?: number;
  instanceId?: string | null;
  definitionId?: string | null;
  taskDefinitionKey?: string | null;
  description?: string | null;
  assigneeId?: number | null;
  ownerId?: number | null;
  priority?: number;
  created?: string;
  due?: string | null;
  ended?: string | null;
  endReason?: string | null;
  parentTaskId?: string | null;
  formKey?: string | null;
  candidateUsers?: number[];
  candidateGroups?: number[];
}

export async function insertTask(t: TestApp, r: NewTaskRow): Promise<string> {
  const tenantId = r.tenantId ?? 1;
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.tasks (tenant_id, instance_id, execution_id, definition_id, task_definition_key, name, description, assignee_id, owner_id,
                                       priority, created_at, due_date, ended_at, end_reason, parent_task_id, form_key)
     VALUES ($1, $2, CASE WHEN $2::bigint IS NULL THEN NULL ELSE gen_random_uuid() END, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     RETURNING id::text AS id`,
    [
      tenantId,
      r.instanceId ?? null,
      r.definitionId ?? null,
      r.taskDefinitionKey ?? null,
      r.name,
      r.description ?? null,
      r.assigneeId ?? null,
      r.ownerId ?? null,
      r.priority ?? 50,
      r.created ?? new Date().toISOString(),
      r.due ?? null,
      r.ended ?? null,
      r.endReason ?? (r.ended ? 'completed' : null),
      r.parentTaskId ?? null,
      r.formKey ?? null,
    ],
  );
  for (const u of r.candidateUsers ?? []) {
    await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, task_id, user_id, type) VALUES ($1, $2, $3, 'candidate')`, [tenantId, row!.id, u]);
  }
  for (const g of r.candidateGroups ?? []) {
    await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, task_id, group_id, type) VALUES ($1, $2, $3, 'candidate')`, [tenantId, row!.id, g]);
  }
  return row!.id;
}

export async function insertVariable(
  t: TestApp,
  v: { instanceId?: string | null; taskId?: string | null; name: string; type: string; value: unknown; tenantId?: number },
): Promise<void> {
  await sql(
    t,
    `INSERT INTO process_engine.variables (tenant_id, instance_id, task_id, name, type, value) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [v.tenantId ?? 1, v.instanceId ?? null, v.taskId ?? null, v.name, v.type, JSON.stringify(v.value)],
  );
}

/** A group through the aps admin API; answers its id. */
export async function createGroup(t: TestApp, name: string, parentGroupId?: number): Promise<number> {
  const res = await t
    .http()
    .post(`${API}/admin/groups`)
    .set('Authorization', t.adminBasic)
    .send({ name, type: 1, ...(parentGroupId !== undefined ? { parentGroupId } : {}) });
  expect(res.status).toBe(200);
  return res.body.id as number;
}

export async function addGroupMember(t: TestApp, groupId: number, userId: number): Promise<void> {
  await t.http().post(`${API}/admin/groups/${groupId}/members/${userId}`).set('Authorization', t.adminBasic).expect(200);
}

/** The task row and everything attached to it, to prove that a refused request changed nothing. */
export async function taskSnapshot(t: TestApp, taskId: string): Promise<unknown> {
  return {
    task: await sql(t, `SELECT * FROM process_engine.tasks WHERE id = $1`, [taskId]),
    links: await sql(
      t,
      `SELECT l.* FROM process_engine.identity_links l
        WHERE l.task_id = $1 OR l.instance_id = (SELECT instance_id FROM process_engine.tasks WHERE id = $1) ORDER BY l.id`,
      [taskId],
    ),
    audit: await sql(t, `SELECT * FROM process_engine.audit_entries WHERE task_id = $1 ORDER BY id`, [taskId]),
    subtasks: await sql(t, `SELECT * FROM process_engine.tasks WHERE parent_task_id = $1 ORDER BY id`, [taskId]),
  };
}

/** A refused request: the status, the aps error body, and the task exactly as it was. */
export async function expectRefused(
  t: TestApp,
  status: number,
  messageKey: string,
  taskId: string,
  send: () => PromiseLike<{ status: number; body: unknown }>,
): Promise<void> {
  const before = await taskSnapshot(t, taskId);
  const res = await send();
  expect(res.status).toBe(status);
  expectApsError(res.body, messageKey);
  expect(await taskSnapshot(t, taskId)).toEqual(before);
}
