import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as untyped from '@alfresco/js-api';
import { type AlfrescoApiInstance, type ApsList, jsApi } from '../../support/alfresco-js-api.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { candidateGroupBpmn, deployBpmn, instanceRow, startInProcess } from '../../support/engine.js';
import { createUser, type CreatedUser } from './aps-test-helpers.js';
import { addGroupMember, createGroup, type Json } from './engine-tasks-fixtures.js';

/** The task-side APIs of @alfresco/js-api, typed as far as this test uses them (see test/support/alfresco-js-api.ts). */
interface TaskApis {
  TasksApi: new (api: AlfrescoApiInstance) => {
    listTasks(q: Json): Promise<ApsList<Json>>;
    getTask(id: string): Promise<Json>;
    createNewTask(task: Json): Promise<Json>;
    updateTask(id: string, update: Json): Promise<Json>;
    listHistoricTasks(q: Json): Promise<ApsList<Json>>;
    getTaskAuditLog(id: string): Promise<Json>;
  };
  TaskActionsApi: new (api: AlfrescoApiInstance) => {
    claimTask(id: string): Promise<unknown>;
    completeTask(id: string): Promise<unknown>;
    assignTask(id: string, who: Json): Promise<Json>;
    delegateTask(id: string, who: Json): Promise<unknown>;
    resolveTask(id: string): Promise<unknown>;
    involveUser(id: string, who: Json): Promise<unknown>;
    removeInvolvedUser(id: string, who: Json): Promise<unknown>;
  };
  ChecklistsApi: new (api: AlfrescoApiInstance) => {
    addSubtask(id: string, task: Json): Promise<Json>;
    getChecklist(id: string): Promise<ApsList<Json>>;
    orderChecklist(id: string, order: Json): Promise<unknown>;
  };
}
const { TasksApi, TaskActionsApi, ChecklistsApi } = untyped as unknown as TaskApis;

/** Alfresco's own JavaScript client drives the task API: deploy → start → task query → claim → complete → end. */
describe('aps tasks through @alfresco/js-api', () => {
  let t: TestApp;
  let worker: CreatedUser;
  let boss: CreatedUser;
  let api: AlfrescoApiInstance;
  let team: number;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await createUser(t, { firstName: 'Wendy', lastName: 'Worker', email: 'wendy.js@example.com' });
    boss = await createUser(t, { firstName: 'Bert', lastName: 'Boss', email: 'bert.js@example.com' });
    team = await createGroup(t, 'Workers');
    await addGroupMember(t, team, worker.id);
    api = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await api.login(worker.email, worker.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a full cycle: the group queue, claim, the own list, complete, the instance ends, history and audit', async () => {
    const deployed = await deployBpmn(t, candidateGroupBpmn(String(team), 'jsCycle'));
    const instanceId = await startInProcess(t, boss.id, deployed.definitions[0]!.id);
    const tasks = new TasksApi(api);
    const actions = new TaskActionsApi(api);

    const queue = await tasks.listTasks({ assignment: `group_${team}`, state: 'open', sort: 'created-desc', page: 0, size: 25 });
    expect(queue.total).toBe(1);
    const task = queue.data[0]!;
    expect(task).toMatchObject({ name: 'Group work', processInstanceId: instanceId, processDefinitionKey: 'jsCycle', memberOfCandidateGroup: true });

    await actions.claimTask(task.id as string);
    const mine = await tasks.listTasks({ assignment: 'assignee' });
    expect(mine.data.map((x) => x.id)).toEqual([task.id]);
    expect((await tasks.getTask(task.id as string)).assignee).toMatchObject({ id: worker.id, firstName: 'Wendy' });

    await actions.completeTask(task.id as string);
    expect((await instanceRow(t, instanceId))!.state).toBe('completed');
    expect((await tasks.listTasks({ assignment: 'assignee' })).total).toBe(0);

    const history = await tasks.listHistoricTasks({ processInstanceId: instanceId, finished: true });
    expect(history.data).toEqual([expect.objectContaining({ id: task.id, endDate: expect.any(Date) })]);
    const audit = await tasks.getTaskAuditLog(task.id as string);
    expect(audit).toMatchObject({ taskId: task.id, taskName: 'Group work', assignee: 'Wendy Worker', processInstanceId: instanceId });
  });

  it('a standalone task: create, update, involve, delegate, resolve, checklist, complete', async () => {
    const tasks = new TasksApi(api);
    const actions = new TaskActionsApi(api);
    const checklists = new ChecklistsApi(api);
    const created = await tasks.createNewTask({ name: 'Prepare the report', description: 'Quarterly' });
    const id = created.id as string;
    expect(created).toMatchObject({ name: 'Prepare the report', assignee: { id: worker.id } });

    const updated = await tasks.updateTask(id, { name: 'Prepare the Q3 report', priority: 80, dueDate: new Date('2026-12-01T10:00:00.000Z') });
    expect(updated).toMatchObject({ name: 'Prepare the Q3 report', priority: 80, dueDate: new Date('2026-12-01T10:00:00.000Z') });

    await actions.involveUser(id, { userId: String(boss.id) });
    expect((await tasks.getTask(id)).involvedPeople).toEqual([expect.objectContaining({ id: boss.id })]);
    await actions.removeInvolvedUser(id, { userId: String(boss.id) });
    expect((await tasks.getTask(id)).involvedPeople).toEqual([]);

    const first = await checklists.addSubtask(id, { name: 'Collect figures', assignee: { id: boss.id, firstName: 'Bert', lastName: 'Boss', email: boss.email } });
    const second = await checklists.addSubtask(id, { name: 'Write summary' });
    await checklists.orderChecklist(id, { order: [second.id, first.id] });
    expect((await checklists.getChecklist(id)).data.map((x) => x.name)).toEqual(['Write summary', 'Collect figures']);

    await actions.delegateTask(id, { userId: String(boss.id) });
    expect((await tasks.getTask(id)).assignee).toMatchObject({ id: boss.id });
    const bossApi = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await bossApi.login(boss.email, boss.password);
    await new TaskActionsApi(bossApi).resolveTask(id);
    expect((await tasks.getTask(id)).assignee).toMatchObject({ id: worker.id });

    await actions.completeTask(id);
    await expect(actions.completeTask(id)).rejects.toMatchObject({ status: 409 });
  });
});
