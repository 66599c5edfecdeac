import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';

/*
 * Engine rows written straight by SQL, for the endpoints that only read or change them: the tests
 * of engine-instances do not depend on how the engine writes them, only on the schema.
 */

let seq = 0;

export async function insertDefinition(
  t: TestApp,
  d: { key: string; version?: number; name?: string | null; tenantId?: number; appDefinitionId?: number | null; startFormKey?: string | null; category?: string | null; description?: string | null },
): Promise<{ id: string; deploymentId: string }> {
  seq += 1;
  const tenantId = d.tenantId ?? 1;
  const [dep] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.deployments (tenant_id, name, app_definition_id) VALUES ($1, $2, $3) RETURNING id::text`,
    [tenantId, `deployment ${seq}`, d.appDefinitionId ?? null],
  );
  const version = d.version ?? 1;
  const id = `${d.key}:${version}:${dep!.id}`;
  await sql(
    t,
    `INSERT INTO process_engine.process_definitions (id, tenant_id, key, version, name, description, category, deployment_id, resource_name,
        app_definition_id, start_form_key, has_start_form, graph)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '{}'::jsonb)`,
    [id, tenantId, d.key, version, d.name === undefined ? `${d.key} process` : d.name, d.description ?? null, d.category ?? null, dep!.id, `${d.key}.bpmn`,
      d.appDefinitionId ?? null, d.startFormKey ?? null, (d.startFormKey ?? null) !== null],
  );
  return { id, deploymentId: dep!.id };
}

export async function insertInstance(
  t: TestApp,
  i: {
    definitionId: string;
    startedBy: number | null;
    tenantId?: number;
    name?: string | null;
    businessKey?: string | null;
    state?: 'running' | 'suspended' | 'completed' | 'deleted';
    startedAt?: string;
    endedAt?: string | null;
  },
): Promise<string> {
  const state = i.state ?? 'running';
  const ended = state === 'completed' || state === 'deleted';
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.process_instances (tenant_id, definition_id, business_key, name, state, started_by, started_at, ended_at)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8::timestamptz) RETURNING id::text`,
    [i.tenantId ?? 1, i.definitionId, i.businessKey ?? null, i.name ?? null, state, i.startedBy, i.startedAt ?? null,
      ended ? (i.endedAt ?? new Date().toISOString()) : null],
  );
  await sql(
    t,
    `INSERT INTO process_engine.executions (id, tenant_id, instance_id, kind, status) VALUES (gen_random_uuid(), $1, $2, 'root', 'active')`,
    [i.tenantId ?? 1, row!.id],
  );
  return row!.id;
}

export async function insertTask(
  t: TestApp,
  k: { instanceId: string; name?: string; assigneeId?: number | null; candidateGroupId?: number | null; candidateUserId?: number | null; tenantId?: number; createdAt?: string },
): Promise<string> {
  const tenantId = k.tenantId ?? 1;
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.tasks (tenant_id, instance_id, name, assignee_id, task_definition_key, created_at)
     VALUES ($1, $2, $3, $4, 'task1', coalesce($5::timestamptz, now())) RETURNING id::text`,
    [tenantId, k.instanceId, k.name ?? 'Task', k.assigneeId ?? null, k.createdAt ?? null],
  );
  if (k.candidateGroupId) {
    await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, task_id, group_id, type) VALUES ($1, $2, $3, 'candidate')`, [tenantId, row!.id, k.candidateGroupId]);
  }
  if (k.candidateUserId) {
    await sql(t, `INSERT INTO process_engine.identity_links (tenant_id, task_id, user_id, type) VALUES ($1, $2, $3, 'candidate')`, [tenantId, row!.id, k.candidateUserId]);
  }
  return row!.id;
}

export async function insertActivity(
  t: TestApp,
  a: { instanceId: string; activityId: string; activityType: string; activityName?: string | null; startedAt: string; endedAt?: string | null; tenantId?: number },
): Promise<void> {
  await sql(
    t,
    `INSERT INTO process_engine.activity_history (tenant_id, instance_id, activity_id, activity_name, activity_type, started_at, ended_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.tenantId ?? 1, a.instanceId, a.activityId, a.activityName ?? null, a.activityType, a.startedAt, a.endedAt ?? null],
  );
}

export async function insertIncident(
  t: TestApp,
  n: { instanceId: string; activityId?: string; type?: string; message?: string; resolved?: boolean; tenantId?: number; createdAt?: string },
): Promise<string> {
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO process_engine.incidents (tenant_id, instance_id, activity_id, type, message, created_at, resolved_at)
     VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()), CASE WHEN $7 THEN now() END) RETURNING id::text`,
    [n.tenantId ?? 1, n.instanceId, n.activityId ?? 'gateway1', n.type ?? 'NO_OUTGOING_FLOW', n.message ?? 'No outgoing flow matched', n.createdAt ?? null, n.resolved ?? false],
  );
  return row!.id;
}

/** Every row an instance command may touch, to prove that a refused request changed nothing. */
export async function engineSnapshot(t: TestApp): Promise<unknown> {
  return {
    instances: await sql(t, `SELECT id::text, state, ended_at, end_reason, version FROM process_engine.process_instances ORDER BY id`),
    tasks: await sql(t, `SELECT id::text, ended_at, end_reason, version FROM process_engine.tasks ORDER BY id`),
    executions: await sql(t, `SELECT id::text, instance_id::text FROM process_engine.executions ORDER BY id`),
    links: await sql(t, `SELECT id::text, definition_id, user_id::text, group_id::text, type FROM process_engine.identity_links ORDER BY id`),
    audit: await sql(t, `SELECT id::text, type FROM process_engine.audit_entries ORDER BY id`),
    variables: await sql(t, `SELECT id::text, name, value FROM process_engine.variables ORDER BY id`),
    incidents: await sql(t, `SELECT id::text, resolved_at FROM process_engine.incidents ORDER BY id`),
  };
}
