import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { deployBpmn, startInProcess } from '../../support/engine.js';

/** start → an unassigned user task → end: an instance that waits and involves nobody but its starter. */
const WAITING_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://meridian.test/runtime-data">
  <process id="runtimeDataWait" name="Waiting" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <userTask id="wait" name="Waiting"/>
    <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/**
 * Process instances and tasks for the runtime-data tests. Instances of the default tenant with a
 * starter are real: deployed and started through the engine (they carry the engine's starter link
 * and a waiting task nobody is involved in). Instances of other tenants or without a starter, tasks
 * with chosen assignee, owner or state, and links are written straight in the database.
 */
export class RuntimeFixtures {
  private definitionId: string | null = null;
  private deployed: Promise<unknown> | null = null;

  constructor(private readonly t: TestApp) {}

  private async definition(tenantId: number): Promise<string> {
    if (this.definitionId && tenantId === 1) return this.definitionId;
    const [dep] = await sql<{ id: string }>(this.t, `INSERT INTO process_engine.deployments (tenant_id, name) VALUES ($1, 'fixtures') RETURNING id::text AS id`, [tenantId]);
    const id = `fixture:${dep!.id}:${dep!.id}`;
    await sql(
      this.t,
      `INSERT INTO process_engine.process_definitions (id, tenant_id, key, version, name, deployment_id, resource_name, graph)
       VALUES ($1, $2, 'fixture', $3::int, 'Fixture process', $3::bigint, 'fixture.bpmn', '{}'::jsonb)`,
      [id, tenantId, dep!.id],
    );
    if (tenantId === 1) this.definitionId = id;
    return id;
  }

  /** A process instance (running unless said otherwise) started by `startedBy`. */
  async instance(o: { startedBy?: number | null; state?: 'running' | 'suspended' | 'completed' | 'deleted'; tenantId?: number } = {}): Promise<string> {
    const tenantId = o.tenantId ?? 1;
    const state = o.state ?? 'running';
    if (tenantId === 1 && o.startedBy != null && state !== 'deleted') {
      this.deployed ??= deployBpmn(this.t, WAITING_BPMN, 'runtime-data-wait.bpmn20.xml');
      await this.deployed;
      const id = await startInProcess(this.t, o.startedBy, 'runtimeDataWait');
      if (state !== 'running') await this.setState(id, state);
      return id;
    }
    const [row] = await sql<{ id: string }>(
      this.t,
      `INSERT INTO process_engine.process_instances (tenant_id, definition_id, name, state, started_by, ended_at)
       VALUES ($1, $2, 'Fixture', $3::varchar, $4::bigint, CASE WHEN $3::varchar IN ('completed', 'deleted') THEN now() END) RETURNING id::text AS id`,
      [tenantId, await this.definition(tenantId), state, o.startedBy ?? null],
    );
    return row!.id;
  }

  /** A task of an instance (or standalone), open unless `ended`. */
  async task(o: { instanceId?: string | null; assigneeId?: number | null; ownerId?: number | null; ended?: boolean; tenantId?: number } = {}): Promise<string> {
    const [row] = await sql<{ id: string }>(
      this.t,
      `INSERT INTO process_engine.tasks (tenant_id, instance_id, name, assignee_id, owner_id, ended_at, end_reason)
       VALUES ($1, $2::bigint, 'Fixture task', $3::bigint, $4::bigint, CASE WHEN $5::boolean THEN now() END, CASE WHEN $5::boolean THEN 'completed' END) RETURNING id::text AS id`,
      [o.tenantId ?? 1, o.instanceId ?? null, o.assigneeId ?? null, o.ownerId ?? null, o.ended === true],
    );
    return row!.id;
  }

  /** An identity link row (candidate, participant…) on a task or an instance. */
  async link(o: { taskId?: string; instanceId?: string; userId?: number; groupId?: number; type: string; tenantId?: number }): Promise<void> {
    await sql(
      this.t,
      `INSERT INTO process_engine.identity_links (tenant_id, instance_id, task_id, user_id, group_id, type) VALUES ($1, $2::bigint, $3::bigint, $4, $5, $6)`,
      [o.tenantId ?? 1, o.instanceId ?? null, o.taskId ?? null, o.userId ?? null, o.groupId ?? null, o.type],
    );
  }

  async setState(instanceId: string, state: 'running' | 'suspended' | 'completed'): Promise<void> {
    await sql(this.t, `UPDATE process_engine.process_instances SET state = $2::varchar, ended_at = CASE WHEN $2::varchar = 'completed' THEN now() END WHERE id = $1`, [instanceId, state]);
  }

  /** Rows of a table for one instance or task, for "nothing changed" checks. */
  async count(table: 'variables' | 'variable_history' | 'audit_entries' | 'identity_links' | 'comments', where: { instanceId?: string; taskId?: string }): Promise<number> {
    const [row] = await sql<{ n: number }>(
      this.t,
      `SELECT count(*)::int AS n FROM process_engine.${table} WHERE ($1::bigint IS NULL OR instance_id = $1::bigint) AND ($2::bigint IS NULL OR task_id = $2::bigint)`,
      [where.instanceId ?? null, where.taskId ?? null],
    );
    return row!.n;
  }
}
