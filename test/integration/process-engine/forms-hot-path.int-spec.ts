import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CompleteTaskForm } from '../../../src/process-engine/application/forms/complete-task-form.use-case.js';
import { StartProcessInstance } from '../../../src/process-engine/application/instances/start-process-instance.use-case.js';
import { CompleteTask } from '../../../src/process-engine/application/tasks/complete-task.use-case.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { ENGINE_API, instanceRow, principalOf } from '../../support/engine.js';
import { notificationsSettled } from '../../support/notifications.js';
import { countStatements } from '../../support/statements.js';

const ADMIN = '1';

/** start → user task with a 20-field form (as bench/forms.mjs) → end. */
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://meridian.test/bpmn">
  <process id="hotForms" name="Hot forms" isExecutable="true">
    <startEvent id="start" activiti:initiator="initiator"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="Fill in" activiti:assignee="\${initiator}" activiti:formKey="hot-form"/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ fieldType: 'FormFieldRepresentation', id, name: id.toUpperCase(), type, ...extra });
const OPTIONS = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
  { id: 'c', name: 'Gamma' },
];
const FORM = {
  key: 'hot-form',
  name: 'Hot form',
  fields: [
    ...Array.from({ length: 6 }, (_, i) => field(`text${i}`, 'text', { required: i < 3, params: { maxLength: 200 } })),
    field('notes', 'multi-line-text'),
    ...Array.from({ length: 5 }, (_, i) => field(`int${i}`, 'integer', { required: i < 2, minValue: '0', maxValue: '100000' })),
    ...Array.from({ length: 2 }, (_, i) => field(`amount${i}`, 'amount')),
    ...Array.from({ length: 3 }, (_, i) => field(`flag${i}`, 'boolean')),
    ...Array.from({ length: 3 }, (_, i) => field(`choice${i}`, 'dropdown', { options: OPTIONS })),
  ],
  outcomes: [
    { id: 'approve', name: 'Approve' },
    { id: 'reject', name: 'Reject' },
  ],
};

function values(i: number): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (let k = 0; k < 6; k++) v[`text${k}`] = `value ${k} of ${i}`;
  v.notes = `Notes for ${i}\nsecond line`;
  for (let k = 0; k < 5; k++) v[`int${k}`] = (i * 7 + k) % 100000;
  for (let k = 0; k < 2; k++) v[`amount${k}`] = 12.5 + k;
  for (let k = 0; k < 3; k++) v[`flag${k}`] = (i + k) % 2 === 0;
  for (let k = 0; k < 3; k++) v[`choice${k}`] = OPTIONS[(i + k) % 3]!.name;
  return v;
}

/**
 * The statements of one task form completion (bench/forms.mjs measures the same over HTTP) against
 * one plain completion of a task of the same process.
 */
describe('forms hot path: statements per task form completion', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t
      .http()
      .post(`${ENGINE_API}/repository/deployments`)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(BPMN, 'utf8'), 'hot-forms.bpmn20.xml')
      .attach('file', Buffer.from(JSON.stringify(FORM), 'utf8'), 'hot-form.form');
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await t.close();
  });

  const counted = <T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> => countStatements(t, run);

  it('a form completion writes its submission, 21 variables and the completion in few statements', async () => {
    const actor = await principalOf(t, ADMIN);
    const start = t.app.get(StartProcessInstance, { strict: false });
    const complete = t.app.get(CompleteTask, { strict: false });
    const completeForm = t.app.get(CompleteTaskForm, { strict: false });
    await notificationsSettled(t, ['meridian_engine_definitions', 'meridian_auth', 'meridian_org', 'meridian_forms']);
    // warm the caches: a start, a plain completion and a form completion
    const warm1 = await start.execute({ actor, processDefinitionKey: 'hotForms' });
    await completeForm.execute({ actor, taskId: warm1.taskIds[0]!, values: values(0), outcome: 'Approve' });
    const warm2 = await start.execute({ actor, processDefinitionKey: 'hotForms' });
    await complete.execute({ actor, taskId: warm2.taskIds[0]! });

    const a = await start.execute({ actor, processDefinitionKey: 'hotForms' });
    const b = await start.execute({ actor, processDefinitionKey: 'hotForms' });
    const plain = await counted(() => complete.execute({ actor, taskId: b.taskIds[0]! }));
    const form = await counted(() => completeForm.execute({ actor, taskId: a.taskIds[0]!, values: values(1), outcome: 'Approve' }));
    // A plain completion of a task with a form: lock and read; versioned update + audit + the
    // step's state; its draft dropped (that write makes the step read its state again); the step.
    expect(plain.statements).toHaveLength(5);
    // Was 17: the deployment's form is no longer looked up per request (its row id is remembered,
    // the parsed row cached); the task is locked and read once — fresh, with its candidates and
    // whether the caller sees it, once its instance is locked — and that read serves the
    // completion too; the task's form reference comes with the current values; the submission
    // drops the draft in its own statement, and the completion does not drop it again — which also
    // keeps the step's primed state, so the step reads nothing.
    expect(form.statements).toEqual([
      'SELECT p.id::text AS', // the instance locked
      'SELECT t.id::text AS', // the task locked and read, with its candidates and visibility
      'SELECT t.id::text AS', // the task's form reference and current values (read-only fields)
      'WITH dropped AS', // the submission recorded, the draft dropped
      'WITH input AS', // 21 variables and their history in one statement
      'WITH done AS', // versioned update + audit + the step's state
      'WITH del_exec AS', // the step's writes: the instance ends
      'INSERT INTO process_engine.audit_entries', // form-submitted
    ]);

    expect(await instanceRow(t, a.instanceId)).toMatchObject({ state: 'completed', endActivityId: 'end' });
    const vars = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.variables WHERE instance_id = $1`, [a.instanceId]);
    expect(vars[0]!.n).toBeGreaterThanOrEqual(21);
    const history = await sql<{ n: number }>(t, `SELECT count(*)::int AS n FROM process_engine.variable_history WHERE instance_id = $1`, [a.instanceId]);
    expect(history[0]!.n).toBeGreaterThanOrEqual(21);
    const audit = await sql<{ type: string }>(t, `SELECT type FROM process_engine.audit_entries WHERE instance_id = $1 ORDER BY id`, [a.instanceId]);
    expect(audit.map((r) => r.type)).toEqual(['process-started', 'task-created', 'task-completed', 'process-ended', 'form-submitted']);
    const [sub] = await sql(t, `SELECT values->>'text0' AS text0, outcome FROM forms.form_submissions WHERE task_id = $1`, [a.taskIds[0]!]);
    expect(sub).toEqual({ text0: 'value 0 of 1', outcome: 'Approve' });
  });
});
