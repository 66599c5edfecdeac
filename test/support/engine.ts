import { expect } from '@jest/globals';
import type { Principal } from '../../src/identity/index.js';
import { PrincipalLoader } from '../../src/identity/infrastructure/principal.loader.js';
import { StartProcessInstance, type VariableInput } from '../../src/process-engine/application/instances/start-process-instance.use-case.js';
import { CompleteTask } from '../../src/process-engine/application/tasks/complete-task.use-case.js';
import type { TestApp } from './app.js';
import { sql } from './db.js';

/**
 * Test helpers for everything that needs real process instances: deploy BPMN through the Activiti
 * subset (HTTP, multipart), start and complete through HTTP or in process through the use cases,
 * and a few BPMN documents.
 */

export const ENGINE_API = '/activiti-app/api';
export const ENTERPRISE_API = '/activiti-app/api/enterprise';

export interface DeployedBpmn {
  readonly deploymentId: string;
  readonly definitions: ReadonlyArray<{ readonly id: string; readonly key: string; readonly version: number; readonly name: string | null }>;
}

/** Deploys one BPMN document as the bootstrap admin (or `auth`) via `POST repository/deployments`; expects 201. */
export async function deployBpmn(t: TestApp, xml: string, name = 'process.bpmn20.xml', auth = t.adminBasic): Promise<DeployedBpmn> {
  const res = await t.http().post(`${ENGINE_API}/repository/deployments`).set('Authorization', auth).attach('file', Buffer.from(xml, 'utf8'), name);
  if (res.status !== 201) throw new Error(`deployBpmn: ${res.status} ${JSON.stringify(res.body)}`);
  const deploymentId = res.body.id as string;
  const defs = await t
    .http()
    .get(`${ENGINE_API}/repository/process-definitions`)
    .query({ deploymentId, size: 1000, sort: 'key' })
    .set('Authorization', auth);
  expect(defs.status).toBe(200);
  return {
    deploymentId,
    definitions: (defs.body.data as Array<{ id: string; key: string; version: number; name: string | null }>).map((d) => ({
      id: d.id,
      key: d.key,
      version: d.version,
      name: d.name,
    })),
  };
}

/** The Principal of a user as authentication would build it (for calling use cases in process). */
export async function principalOf(t: TestApp, userId: string | number): Promise<Principal> {
  const loader = t.app.get(PrincipalLoader, { strict: false });
  const row = await loader.rowById(String(userId));
  if (!row) throw new Error(`principalOf: no user ${userId}`);
  return loader.toPrincipal(row, 'basic');
}

/**
 * Starts an instance over HTTP (`POST /activiti-app/api/enterprise/process-instances`, engine-instances'
 * endpoint) by definition id (contains ':') or key; answers the instance JSON.
 */
export async function startProcess(
  t: TestApp,
  auth: string,
  keyOrId: string,
  variables: ReadonlyArray<{ name: string; type?: string; value: unknown }> = [],
  name?: string,
): Promise<Record<string, unknown> & { id: string }> {
  const body = {
    ...(keyOrId.includes(':') ? { processDefinitionId: keyOrId } : { processDefinitionKey: keyOrId }),
    ...(name !== undefined ? { name } : {}),
    variables,
  };
  const res = await t.http().post(`${ENTERPRISE_API}/process-instances`).set('Authorization', auth).send(body);
  if (res.status !== 200) throw new Error(`startProcess: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body as Record<string, unknown>), id: String(res.body.id) };
}

/** Starts an instance in process through the StartProcessInstance use case as the given user; answers the instance id. */
export async function startInProcess(
  t: TestApp,
  userId: string | number,
  keyOrId: string,
  variables: readonly VariableInput[] = [],
  extra: { name?: string; values?: Record<string, unknown>; outcome?: string } = {},
): Promise<string> {
  const actor = await principalOf(t, userId);
  const start = t.app.get(StartProcessInstance, { strict: false });
  const result = await start.execute({
    actor,
    ...(keyOrId.includes(':') ? { processDefinitionId: keyOrId } : { processDefinitionKey: keyOrId }),
    variables,
    ...extra,
  });
  return result.instanceId;
}

/** Completes a task in process through the CompleteTask use case as the given user. */
export async function completeInProcess(
  t: TestApp,
  userId: string | number,
  taskId: string,
  variables: ReadonlyArray<{ name: string; type?: string; value: unknown; scope?: 'local' | 'global' }> = [],
): Promise<void> {
  const actor = await principalOf(t, userId);
  await t.app.get(CompleteTask, { strict: false }).execute({ actor, taskId, variables });
}

export interface TaskRow {
  readonly id: string;
  readonly name: string | null;
  readonly taskDefinitionKey: string | null;
  readonly assigneeId: string | null;
  readonly endedAt: Date | null;
  readonly endReason: string | null;
}

/** The tasks of an instance straight from the database (open ones unless `all`), oldest first. */
export async function tasksOf(t: TestApp, instanceId: string, all = false): Promise<TaskRow[]> {
  return sql<TaskRow>(
    t,
    `SELECT id::text AS id, name, task_definition_key AS "taskDefinitionKey", assignee_id::text AS "assigneeId", ended_at AS "endedAt",
            end_reason AS "endReason"
       FROM process_engine.tasks WHERE instance_id = $1 ${all ? '' : 'AND ended_at IS NULL'} ORDER BY id`,
    [instanceId],
  );
}

export async function instanceRow(t: TestApp, instanceId: string): Promise<{ state: string; version: number; incidents: number; endActivityId: string | null } | undefined> {
  const [row] = await sql<{ state: string; version: number; incidents: number; endActivityId: string | null }>(
    t,
    `SELECT state, version, incidents, end_activity_id AS "endActivityId" FROM process_engine.process_instances WHERE id = $1`,
    [instanceId],
  );
  return row;
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const DEFS_OPEN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn"
             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://meridian.test/bpmn">`;

/** start → user task (assignee `${initiator}`) → end. Key `oneTask` unless given. */
export function oneTaskBpmn(key = 'oneTask', name = 'One task'): string {
  return `${DEFS_OPEN}
  <process id="${key}" name="${name}" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="Do it" activiti:assignee="\${initiator}">
      <documentation>Please do it</documentation>
    </userTask>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;
}

/** start → one user task with the given attributes → end. */
function singleTaskBpmn(key: string, processName: string, taskName: string, taskAttributes: string): string {
  return `${DEFS_OPEN}
  <process id="${key}" name="${processName}" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="${taskName}" ${taskAttributes}/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;
}

/** start → user task offered to candidate groups (ids or names, comma-separated) → end. */
export function candidateGroupBpmn(groups: string, key = 'groupTask'): string {
  return singleTaskBpmn(key, 'Group task', 'Group work', `activiti:candidateGroups="${groups}"`);
}

/** start → user task offered to candidate users (id, username or email, comma-separated) → end. */
export function candidateUserBpmn(users: string, key = 'userTask'): string {
  return singleTaskBpmn(key, 'Candidate users task', 'Pick me', `activiti:candidateUsers="${users}"`);
}

/**
 * start → fork → `branches` user tasks (ids `b1`…, assignee `${initiator}`) → join → user task
 * `after` → end.
 */
export function parallelBpmn(branches = 2, key = 'parallel'): string {
  const ids = Array.from({ length: branches }, (_, i) => `b${i + 1}`);
  return `${DEFS_OPEN}
  <process id="${key}" name="Parallel" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
${ids
  .map(
    (id) => `    <sequenceFlow id="to_${id}" sourceRef="fork" targetRef="${id}"/>
    <userTask id="${id}" name="Branch ${id}" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="from_${id}" sourceRef="${id}" targetRef="join"/>`,
  )
  .join('\n')}
    <parallelGateway id="join"/>
    <sequenceFlow id="f9" sourceRef="join" targetRef="after"/>
    <userTask id="after" name="After the join" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="f10" sourceRef="after" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;
}

/** start → user task → exclusive gateway on `amount` (> 100: `big`, else `small`) → user tasks → end; no default flow. */
export function exclusiveBpmn(key = 'exclusive', condition = '${amount > 100}', otherwise = '${amount <= 100}'): string {
  return `${DEFS_OPEN}
  <process id="${key}" name="Exclusive" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f0" sourceRef="start" targetRef="review"/>
    <userTask id="review" name="Review" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="f1" sourceRef="review" targetRef="gw"/>
    <exclusiveGateway id="gw"/>
    <sequenceFlow id="toBig" sourceRef="gw" targetRef="big"><conditionExpression xsi:type="tFormalExpression">${xmlText(condition)}</conditionExpression></sequenceFlow>
    <sequenceFlow id="toSmall" sourceRef="gw" targetRef="small"><conditionExpression xsi:type="tFormalExpression">${xmlText(otherwise)}</conditionExpression></sequenceFlow>
    <userTask id="big" name="Big" activiti:assignee="\${initiator}"/>
    <userTask id="small" name="Small" activiti:assignee="\${initiator}"/>
    <sequenceFlow id="f2" sourceRef="big" targetRef="end"/>
    <sequenceFlow id="f3" sourceRef="small" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;
}
