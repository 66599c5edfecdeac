import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as untyped from '@alfresco/js-api';
import { type AlfrescoApiInstance, type ApsList, jsApi } from '../../support/alfresco-js-api.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../support/app.js';
import { completeInProcess, deployBpmn, oneTaskBpmn, tasksOf } from '../../support/engine.js';
import { createUser, type CreatedUser } from './aps-test-helpers.js';

type Json = Record<string, unknown>;

interface ApiClass<T> {
  new (api: AlfrescoApiInstance): T;
}

/** The process-definition and process-instance clients of @alfresco/js-api, typed as far as this test uses them. */
const { ProcessDefinitionsApi, ProcessInstancesApi } = untyped as unknown as {
  ProcessDefinitionsApi: ApiClass<{
    getProcessDefinitions(opts?: { latest?: boolean; appDefinitionId?: number }): Promise<ApsList<Json>>;
    createIdentityLink(processDefinitionId: string, link: { user?: string; group?: string }): Promise<Json>;
    getIdentityLinks(processDefinitionId: string): Promise<Json[]>;
    getIdentityLinkType(processDefinitionId: string, family: string, identityId: string): Promise<Json>;
    deleteIdentityLink(processDefinitionId: string, family: string, identityId: string): Promise<void>;
  }>;
  ProcessInstancesApi: ApiClass<{
    startNewProcessInstance(body: Json): Promise<Json>;
    getProcessInstances(query: Json): Promise<ApsList<Json>>;
    getProcessInstance(id: string): Promise<Json>;
    suspendProcessInstance(id: string): Promise<Json>;
    activateProcessInstance(id: string): Promise<Json>;
    deleteProcessInstance(id: string): Promise<void>;
    getHistoricProcessInstances(query: Json): Promise<ApsList<Json>>;
    getTaskAuditLog(id: string): Promise<Json>;
  }>;
};

/** Alfresco's own JavaScript client drives deploy → start → query → complete → history (BASIC mode). */
describe('aps process instances through @alfresco/js-api', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let api: AlfrescoApiInstance;
  let definitionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Jones', email: 'alice.jsapi@example.com', password: 'alice-secret-1' });
    definitionId = (await deployBpmn(t, oneTaskBpmn('jsApiProcess', 'JS API process'))).definitions[0]!.id;
    api = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await api.login('alice.jsapi@example.com', 'alice-secret-1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists definitions, starts, queries by page, gets, suspends, activates, completes and finds the instance in history', async () => {
    const definitions = new ProcessDefinitionsApi(api);
    const instances = new ProcessInstancesApi(api);
    const defs = await definitions.getProcessDefinitions({ latest: true });
    expect(defs.data.map((d) => d.id)).toContain(definitionId);

    const started = await instances.startNewProcessInstance({ processDefinitionId: definitionId, name: 'From js-api', variables: [{ name: 'amount', type: 'integer', value: 3 }] });
    const id = started.id as string;
    expect(started).toMatchObject({ name: 'From js-api', processDefinitionKey: 'jsApiProcess', suspended: false });
    expect(started.started).toBeInstanceOf(Date);
    expect(started.startedBy).toMatchObject({ id: alice.id, email: 'alice.jsapi@example.com' });

    const second = (await instances.startNewProcessInstance({ processDefinitionKey: 'jsApiProcess', name: 'Second' })).id as string;
    // The JS client pages with `page`: page 1 of size 1, newest first, is the first instance.
    const page = await instances.getProcessInstances({ state: 'running', sort: 'created-desc', page: 1, size: 1 });
    expect(page).toMatchObject({ size: 1, total: 2, start: 1 });
    expect(page.data.map((x) => x.id)).toEqual([id]);
    expect((await instances.getProcessInstances({ page: 0, size: 1 })).data.map((x) => x.id)).toEqual([second]);

    expect((await instances.suspendProcessInstance(id)).suspended).toBe(true);
    expect((await instances.activateProcessInstance(id)).suspended).toBe(false);
    const got = await instances.getProcessInstance(id);
    expect(got.variables).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'amount', value: 3 })]));

    const [task] = await tasksOf(t, id);
    await completeInProcess(t, alice.id, task!.id);
    const history = await instances.getHistoricProcessInstances({ finished: true, processDefinitionId: definitionId });
    expect(history.data.map((x) => x.id)).toEqual([id]);
    expect(history.data[0]!.ended).toBeInstanceOf(Date);
    const audit = await instances.getTaskAuditLog(id);
    expect(audit).toMatchObject({ processInstanceId: id, processInstanceInitiator: 'Alice Jones' });

    await instances.deleteProcessInstance(second);
    const ended = await instances.getProcessInstances({ state: 'completed' });
    expect(ended.data.map((x) => x.id).sort()).toEqual([id, second].sort());
  });

  it('candidate starters through the client (as the bootstrap admin)', async () => {
    const admin = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await admin.login('admin', ADMIN_PASSWORD);
    const definitions = new ProcessDefinitionsApi(admin);
    expect(await definitions.createIdentityLink(definitionId, { user: String(alice.id) })).toEqual({ user: String(alice.id), group: null, type: 'candidate' });
    expect(await definitions.getIdentityLinks(definitionId)).toEqual([{ user: String(alice.id), group: null, type: 'candidate' }]);
    expect(await definitions.getIdentityLinkType(definitionId, 'users', String(alice.id))).toMatchObject({ user: String(alice.id) });
    await definitions.deleteIdentityLink(definitionId, 'users', String(alice.id));
    expect(await definitions.getIdentityLinks(definitionId)).toEqual([]);
  });
});
