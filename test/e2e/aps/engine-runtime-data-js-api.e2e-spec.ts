import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as untyped from '@alfresco/js-api';
import type { AlfrescoApiInstance, ApsList, ApsRecord } from '../../support/alfresco-js-api.js';
import { jsApi } from '../../support/alfresco-js-api.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { deployBpmn, oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { createUser, type CreatedUser } from './aps-test-helpers.js';

/** The parts of @alfresco/js-api these tests call (its own typings do not resolve under nodenext). */
interface RestVariable {
  name?: string;
  scope?: string;
  type?: string;
  value?: unknown;
}
type Api<T> = new (api: AlfrescoApiInstance) => T;
interface RuntimeDataApis {
  ProcessInstanceVariablesApi: Api<{
    createOrUpdateProcessInstanceVariables(id: string, vars: RestVariable[]): Promise<RestVariable[]>;
    getProcessInstanceVariables(id: string): Promise<RestVariable[]>;
    getProcessInstanceVariable(id: string, name: string): Promise<RestVariable>;
    updateProcessInstanceVariable(id: string, name: string, v: RestVariable): Promise<RestVariable>;
    deleteProcessInstanceVariable(id: string, name: string): Promise<void>;
  }>;
  TaskVariablesApi: Api<{
    createTaskVariable(taskId: string, vars: RestVariable | RestVariable[]): Promise<RestVariable[]>;
    getVariables(taskId: string, opts?: { scope?: string }): Promise<RestVariable[]>;
    getVariable(taskId: string, name: string, opts?: { scope?: string }): Promise<RestVariable>;
    updateVariable(taskId: string, name: string, v: RestVariable): Promise<RestVariable>;
    deleteVariable(taskId: string, name: string, opts?: { scope?: string }): Promise<void>;
    deleteAllLocalTaskVariables(taskId: string): Promise<void>;
  }>;
  ActivitiCommentsApi: Api<{
    addProcessInstanceComment(body: { message: string }, id: string): Promise<ApsRecord>;
    addTaskComment(body: { message: string }, taskId: string): Promise<ApsRecord>;
    getProcessInstanceComments(id: string, opts?: { latestFirst?: boolean }): Promise<ApsList>;
    getTaskComments(taskId: string, opts?: { latestFirst?: boolean }): Promise<ApsList>;
  }>;
  ProcessInstancesApi: Api<{
    createIdentityLink(id: string, link: { user?: string; group?: string; type?: string }): Promise<ApsRecord>;
    getIdentityLinks(id: string): Promise<ApsRecord[]>;
    getIdentityLinksForFamily(id: string, family: string): Promise<ApsRecord[]>;
    getIdentityLinkType(id: string, family: string, identityId: string, type: string): Promise<ApsRecord>;
    deleteIdentityLink(id: string, family: string, identityId: string, type: string): Promise<void>;
  }>;
  TasksApi: Api<{
    createIdentityLink(taskId: string, link: { user?: string; group?: string; type?: string }): Promise<ApsRecord>;
    getIdentityLinks(taskId: string): Promise<ApsRecord[]>;
    getIdentityLinkType(taskId: string, family: string, identityId: string, type: string): Promise<ApsRecord>;
    deleteIdentityLink(taskId: string, family: string, identityId: string, type: string): Promise<void>;
  }>;
}
const apis = untyped as unknown as RuntimeDataApis;

/** Alfresco's own JavaScript client, unchanged, on variables, identity links and comments of a real instance. */
describe('aps runtime data through @alfresco/js-api', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let api: AlfrescoApiInstance;
  let instanceId: string;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    await deployBpmn(t, oneTaskBpmn('jsApiTask'));
    instanceId = await startInProcess(t, alice.id, 'jsApiTask');
    taskId = (await tasksOf(t, instanceId))[0]!.id;
    api = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await api.login(alice.email, alice.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('process instance variables: create or update, list, get, update one, delete', async () => {
    const variables = new apis.ProcessInstanceVariablesApi(api);
    expect(
      await variables.createOrUpdateProcessInstanceVariables(instanceId, [
        { name: 'amount', type: 'integer', value: 12 },
        { name: 'when', type: 'date', value: '2026-11-22T10:00:00.000+0000' },
      ]),
    ).toEqual([
      { name: 'amount', type: 'integer', value: 12 },
      { name: 'when', type: 'date', value: '2026-11-22T10:00:00.000+0000' },
    ]);
    expect(await variables.getProcessInstanceVariables(instanceId)).toEqual(expect.arrayContaining([{ name: 'amount', type: 'integer', value: 12 }]));
    expect(await variables.updateProcessInstanceVariable(instanceId, 'amount', { name: 'amount', type: 'long', value: 5000000000 })).toEqual({
      name: 'amount',
      type: 'long',
      value: 5000000000,
    });
    expect(await variables.getProcessInstanceVariable(instanceId, 'amount')).toEqual({ name: 'amount', type: 'long', value: 5000000000 });
    await variables.deleteProcessInstanceVariable(instanceId, 'when');
    await expect(variables.getProcessInstanceVariable(instanceId, 'when')).rejects.toMatchObject({ status: 404 });
    await expect(variables.createOrUpdateProcessInstanceVariables(instanceId, [{ name: 'bad', type: 'boolean', value: 'yes' }])).rejects.toMatchObject({ status: 400 });
  });

  it('task variables: create local and global, list with scope, get, update, delete one and all local', async () => {
    const variables = new apis.TaskVariablesApi(api);
    expect(
      await variables.createTaskVariable(taskId, [
        { name: 'note', scope: 'local', type: 'string', value: 'hi' },
        { name: 'approved', scope: 'global', type: 'boolean', value: false },
      ]),
    ).toEqual([
      { name: 'note', scope: 'local', type: 'string', value: 'hi' },
      { name: 'approved', scope: 'global', type: 'boolean', value: false },
    ]);
    expect(await variables.getVariables(taskId, { scope: 'local' })).toEqual([{ name: 'note', scope: 'local', type: 'string', value: 'hi' }]);
    expect(await variables.updateVariable(taskId, 'approved', { name: 'approved', scope: 'global', type: 'boolean', value: true })).toEqual({
      name: 'approved',
      scope: 'global',
      type: 'boolean',
      value: true,
    });
    expect(await variables.getVariable(taskId, 'approved')).toEqual({ name: 'approved', scope: 'global', type: 'boolean', value: true });
    await variables.deleteVariable(taskId, 'approved', { scope: 'global' });
    await variables.deleteAllLocalTaskVariables(taskId);
    expect((await variables.getVariables(taskId)).filter((v) => v.name === 'note' || v.name === 'approved')).toEqual([]);
  });

  it('identity links of the instance and the task', async () => {
    const instances = new apis.ProcessInstancesApi(api);
    expect(await instances.createIdentityLink(instanceId, { user: String(bob.id), type: 'watcher' })).toEqual({ user: String(bob.id), group: null, type: 'watcher' });
    expect(await instances.getIdentityLinksForFamily(instanceId, 'users')).toEqual(expect.arrayContaining([{ user: String(bob.id), group: null, type: 'watcher' }]));
    expect(await instances.getIdentityLinkType(instanceId, 'users', String(bob.id), 'watcher')).toEqual({ user: String(bob.id), group: null, type: 'watcher' });
    await instances.deleteIdentityLink(instanceId, 'users', String(bob.id), 'watcher');
    expect(await instances.getIdentityLinks(instanceId)).not.toContainEqual(expect.objectContaining({ type: 'watcher' }));

    const tasks = new apis.TasksApi(api);
    expect(await tasks.createIdentityLink(taskId, { user: String(bob.id), type: 'candidate' })).toEqual({ user: String(bob.id), group: null, type: 'candidate' });
    expect(await tasks.getIdentityLinks(taskId)).toEqual([
      { user: String(alice.id), group: null, type: 'assignee' },
      { user: String(bob.id), group: null, type: 'candidate' },
    ]);
    expect(await tasks.getIdentityLinkType(taskId, 'users', String(bob.id), 'candidate')).toEqual({ user: String(bob.id), group: null, type: 'candidate' });
    await tasks.deleteIdentityLink(taskId, 'users', String(bob.id), 'candidate');
  });

  it('comments of the instance and the task', async () => {
    const comments = new apis.ActivitiCommentsApi(api);
    const onTask = await comments.addTaskComment({ message: 'On the task' }, taskId);
    expect(onTask).toMatchObject({ message: 'On the task', createdBy: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: alice.email } });
    expect(typeof onTask.id).toBe('number');
    await comments.addProcessInstanceComment({ message: 'On the instance' }, instanceId);
    const all = await comments.getProcessInstanceComments(instanceId, { latestFirst: true });
    expect(all.total).toBe(2);
    expect(all.data.map((c) => c.message)).toEqual(['On the instance', 'On the task']);
    expect((await comments.getTaskComments(taskId)).data.map((c) => c.message)).toEqual(['On the task']);
    await expect(comments.addTaskComment({ message: '' }, taskId)).rejects.toMatchObject({ status: 400 });
  });
});
