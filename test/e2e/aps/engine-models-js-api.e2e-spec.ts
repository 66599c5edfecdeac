import * as untyped from '@alfresco/js-api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AlfrescoApiInstance, ApsList, ApsRecord } from '../../support/alfresco-js-api.js';
import { jsApi } from '../../support/alfresco-js-api.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../support/app.js';
import { oneTaskBpmn } from '../../support/engine.js';

/** The Alfresco JS client's modeler, app and filter APIs, typed as far as this test uses them. */
interface ApiClass<T> {
  new (api: AlfrescoApiInstance): T;
}
interface ModelerApis {
  ModelsApi: ApiClass<{
    createModel(model: ApsRecord): Promise<ApsRecord>;
    getModel(modelId: number, opts?: { includePermissions?: boolean }): Promise<ApsRecord>;
    getModels(opts?: { filter?: string; sort?: string; modelType?: number }): Promise<ApsList>;
    updateModel(modelId: number, model: ApsRecord): Promise<ApsRecord>;
    duplicateModel(modelId: number, model: ApsRecord): Promise<ApsRecord>;
    deleteModel(modelId: number, opts?: { cascade?: boolean; deleteRuntimeApp?: boolean }): Promise<unknown>;
  }>;
  ModelsHistoryApi: ApiClass<{ getModelHistoryCollection(modelId: number, opts?: { includeLatestVersion?: boolean }): Promise<ApsList> }>;
  AppDefinitionsApi: ApiClass<{ publishAppDefinition(modelId: number, body: { comment?: string; force?: boolean }): Promise<ApsRecord> }>;
  RuntimeAppDefinitionsApi: ApiClass<{
    deployAppDefinitions(body: { appDefinitions: ApsRecord[] }): Promise<unknown>;
    getAppDefinitions(): Promise<ApsList>;
    getAppDefinition(appDefinitionId: number): Promise<ApsRecord>;
  }>;
  UserFiltersApi: ApiClass<{
    createUserTaskFilter(filter: ApsRecord): Promise<ApsRecord>;
    getUserTaskFilters(opts?: { appId?: number }): Promise<ApsList>;
    getUserTaskFilter(id: number): Promise<ApsRecord>;
    updateUserTaskFilter(id: number, filter: ApsRecord): Promise<ApsRecord>;
    orderUserTaskFilters(order: { order: number[]; appId?: number }): Promise<unknown>;
    deleteUserTaskFilter(id: number): Promise<unknown>;
    createUserProcessInstanceFilter(filter: ApsRecord): Promise<ApsRecord>;
    getUserProcessInstanceFilters(opts?: { appId?: number }): Promise<ApsList>;
    orderUserProcessInstanceFilters(order: { order: number[]; appId?: number }): Promise<unknown>;
  }>;
  ProcessDefinitionsApi: ApiClass<{ getProcessDefinitions(opts?: { latest?: boolean; appDefinitionId?: number }): Promise<ApsList> }>;
}
const apis = untyped as unknown as ModelerApis;

/** Alfresco's own JavaScript client, unchanged: model → app → publish → deploy → definitions, and filters. */
describe('aps models, apps and filters through @alfresco/js-api', () => {
  let t: TestApp;
  let api: AlfrescoApiInstance;

  beforeAll(async () => {
    t = await startTestApp();
    api = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await api.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, updates, favorites, clones and lists models; publishes and deploys an app', async () => {
    const models = new apis.ModelsApi(api);
    const process = await models.createModel({ name: 'Js process', modelType: 0, description: 'from js-api' });
    expect(process).toMatchObject({ name: 'Js process', modelType: 0, version: 1, latestVersion: true, permission: 'write' });
    const id = process.id!;
    expect(await models.getModel(id, { includePermissions: true })).toMatchObject({ id, name: 'Js process' });
    await models.updateModel(id, { name: 'Js process renamed' });
    await models.updateModel(id, { favorite: true });
    const favorites = await models.getModels({ filter: 'favorite', modelType: 0, sort: 'nameAsc' });
    expect(favorites.data.map((m) => m.id)).toEqual([id]);
    const copy = await models.duplicateModel(id, { name: 'Js copy' });
    expect(copy).toMatchObject({ name: 'Js copy', version: 1 });
    await models.deleteModel(copy.id!, { cascade: true });
    expect((await models.getModels({ modelType: 0 })).data.map((m) => m.id)).toEqual([id]);
    await models.updateModel(id, { content: oneTaskBpmn('jsProcess', 'Js process') } as ApsRecord);
    const history = await new apis.ModelsHistoryApi(api).getModelHistoryCollection(id, { includeLatestVersion: true });
    expect(history.data.map((m) => m.version)).toEqual([2, 1]);

    const app = await models.createModel({ name: 'Js app', modelType: 3 });
    await models.updateModel(app.id!, { content: JSON.stringify({ models: [{ id }], theme: 'theme-3', icon: 'glyphicon-cloud' }) } as ApsRecord);
    const published = await new apis.AppDefinitionsApi(api).publishAppDefinition(app.id!, { comment: '', force: false });
    expect(published).toMatchObject({ error: false, appDefinition: { id: app.id, version: 3 } });
    const runtime = new apis.RuntimeAppDefinitionsApi(api);
    await runtime.deployAppDefinitions({ appDefinitions: [{ id: app.id }] });
    const apps = await runtime.getAppDefinitions();
    expect(apps.data).toEqual([
      { deploymentId: expect.any(String), name: 'Js app', icon: 'glyphicon-cloud', description: null, theme: 'theme-3', modelId: app.id, id: app.id },
    ]);
    expect(await runtime.getAppDefinition(app.id!)).toEqual(apps.data[0]);
    const definitions = await new apis.ProcessDefinitionsApi(api).getProcessDefinitions({ appDefinitionId: app.id });
    expect(definitions.data.map((d) => d.key)).toEqual(['jsProcess']);
  });

  it('saves, lists, orders and deletes task and process filters', async () => {
    const filters = new apis.UserFiltersApi(api);
    const a = await filters.createUserTaskFilter({ name: 'Involved', filter: { sort: 'created-desc', state: 'open', assignment: 'involved' } });
    const b = await filters.createUserTaskFilter({ name: 'Mine', icon: 'glyphicon-inbox', filter: { sort: 'due-asc', state: 'open', assignment: 'assignee' } });
    expect(b).toMatchObject({ name: 'Mine', index: 1, filter: { assignment: 'assignee' } });
    await filters.orderUserTaskFilters({ order: [b.id!, a.id!] });
    expect((await filters.getUserTaskFilters()).data.map((f) => f.name)).toEqual(['Mine', 'Involved']);
    const fetched = await filters.getUserTaskFilter(a.id!);
    await filters.updateUserTaskFilter(a.id!, { ...fetched, name: 'Involved tasks' });
    expect((await filters.getUserTaskFilter(a.id!)).name).toBe('Involved tasks');
    await filters.deleteUserTaskFilter(b.id!);
    expect((await filters.getUserTaskFilters()).data.map((f) => f.name)).toEqual(['Involved tasks']);

    const running = await filters.createUserProcessInstanceFilter({ name: 'Running', filter: { sort: 'created-desc', state: 'running' } });
    const all = await filters.createUserProcessInstanceFilter({ name: 'All', filter: { state: 'all' } });
    await filters.orderUserProcessInstanceFilters({ order: [all.id!, running.id!] });
    expect((await filters.getUserProcessInstanceFilters()).data.map((f) => f.name)).toEqual(['All', 'Running']);
  });
});
