import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import { zipSync } from 'fflate';
import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { ENGINE_API } from '../../support/engine.js';
import { API } from './aps-test-helpers.js';

/*
 * The forms process of the forms e2e specs: a start form (request-form) and two user tasks with
 * forms (review-form, confirm-form), from test/fixtures.
 */

export type Json = Record<string, unknown>;

const fixture = (path: string): Buffer => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));

export const FORMS_BPMN = fixture('bpmn/forms-process.bpmn');
export const FORM_FILES: ReadonlyArray<{ name: string; bytes: Buffer }> = ['request.form', 'review.form', 'confirm.form'].map((name) => ({
  name,
  bytes: fixture(`forms/${name}`),
}));

/** The BPMN (its process key replaced by `key`) and the three forms as one zip. */
export function formsZip(key = 'formsProcess', extra: Record<string, Uint8Array> = {}): Buffer {
  const files: Record<string, Uint8Array> = { 'forms-process.bpmn20.xml': bpmnWithKey(key) };
  for (const f of FORM_FILES) files[`forms/${f.name}`] = f.bytes;
  return Buffer.from(zipSync({ ...files, ...extra }));
}

export function bpmnWithKey(key: string): Buffer {
  return Buffer.from(FORMS_BPMN.toString('utf8').replace('id="formsProcess"', `id="${key}"`), 'utf8');
}

/** Deploys the BPMN and the three forms as `file` parts of one multipart request; answers the definition id. */
export async function deployFormsProcess(t: TestApp, key = 'formsProcess'): Promise<{ deploymentId: string; definitionId: string }> {
  let req = t.http().post(`${ENGINE_API}/repository/deployments`).set('Authorization', t.adminBasic).attach('file', bpmnWithKey(key), 'forms-process.bpmn20.xml');
  for (const f of FORM_FILES) req = req.attach('file', f.bytes, f.name);
  const res = await req;
  expect(res.status).toBe(201);
  return { deploymentId: String(res.body.id), definitionId: await definitionOf(t, String(res.body.id)) };
}

export async function definitionOf(t: TestApp, deploymentId: string): Promise<string> {
  const [row] = await sql<{ id: string }>(t, `SELECT id FROM process_engine.process_definitions WHERE deployment_id = $1`, [deploymentId]);
  return row!.id;
}

/** A valid start of the forms process (title, amount, priority, outcome Submit) as `auth`; answers the instance JSON. */
export async function startWithForm(t: TestApp, auth: string, definitionId: string, values: Json = { title: 'New laptop', amount: 1200, priority: 'high' }): Promise<Json & { id: string }> {
  const res = await t.http().post(`${API}/process-instances`).set('Authorization', auth).send({ processDefinitionId: definitionId, values, outcome: 'Submit' });
  expect(res.status).toBe(200);
  return res.body as Json & { id: string };
}

/** The open tasks of an instance with their form keys, oldest first. */
export async function openTasks(t: TestApp, instanceId: string): Promise<Array<{ id: string; key: string; formKey: string | null }>> {
  return sql(
    t,
    `SELECT id::text AS id, task_definition_key AS key, form_key AS "formKey" FROM process_engine.tasks WHERE instance_id = $1 AND ended_at IS NULL ORDER BY id`,
    [instanceId],
  );
}

/** Everything a refused form request must leave as it was: the instance's tasks, variables, audit trail and form submissions. */
export async function instanceSnapshot(t: TestApp, instanceId: string): Promise<unknown> {
  return {
    instance: await sql(t, `SELECT * FROM process_engine.process_instances WHERE id = $1`, [instanceId]),
    tasks: await sql(t, `SELECT * FROM process_engine.tasks WHERE instance_id = $1 ORDER BY id`, [instanceId]),
    variables: await sql(t, `SELECT name, type, value, task_id FROM process_engine.variables WHERE instance_id = $1 ORDER BY name, task_id`, [instanceId]),
    audit: await sql(t, `SELECT id, type, details FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`, [instanceId]),
    history: await sql(t, `SELECT count(*)::int AS n FROM process_engine.variable_history WHERE instance_id = $1`, [instanceId]),
  };
}

export async function countInstances(t: TestApp, definitionId: string): Promise<number> {
  const [row] = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.process_instances WHERE definition_id = $1`, [definitionId]);
  return row!.n;
}

/** A field of a rendered form by id, containers searched too. */
export function fieldOf(fields: unknown, id: string): Json | undefined {
  if (!Array.isArray(fields)) return undefined;
  for (const f of fields as Json[]) {
    if (f.id === id) return f;
    if (f.fields && typeof f.fields === 'object') {
      for (const column of Object.values(f.fields as Record<string, unknown>)) {
        const found = fieldOf(column, id);
        if (found) return found;
      }
    }
  }
  return undefined;
}
