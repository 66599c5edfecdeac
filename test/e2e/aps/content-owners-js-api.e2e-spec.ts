import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as untyped from '@alfresco/js-api';
import type { AlfrescoApiInstance, ApsList, ApsRecord } from '../../support/alfresco-js-api.js';
import { jsApi } from '../../support/alfresco-js-api.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { deployBpmn, oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { createUser, type CreatedUser } from './aps-test-helpers.js';
import { PDF, pngOf } from './content-owners-support.js';

type Api<T> = new (api: AlfrescoApiInstance) => T;
interface ContentApis {
  RelatedContentRepresentation: new (input: Record<string, unknown>) => object;
  ActivitiContentApi: Api<{
    createRelatedContentOnProcessInstance(processInstanceId: string, content: unknown, opts?: { isRelatedContent?: boolean }): Promise<ApsRecord>;
    createRelatedContentOnTask(taskId: string, content: unknown, opts?: { isRelatedContent?: boolean }): Promise<ApsRecord>;
    getRelatedContentForProcessInstance(processInstanceId: string, opts?: { isRelatedContent?: boolean }): Promise<ApsList>;
    getRelatedContentForTask(taskId: string, opts?: { isRelatedContent?: boolean }): Promise<ApsList>;
    getContent(contentId: number): Promise<ApsRecord>;
    getRawContent(contentId: number): Promise<unknown>;
    deleteContent(contentId: number): Promise<void>;
  }>;
}
const apis = untyped as unknown as ContentApis;

/** Alfresco's own JavaScript client, unchanged, on the content of a real process instance and its task. */
describe('aps content of instances and tasks through @alfresco/js-api (ActivitiContentApi)', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let api: AlfrescoApiInstance;
  let bobApi: AlfrescoApiInstance;

  const client = async (user: CreatedUser): Promise<AlfrescoApiInstance> => {
    const c = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await c.login(user.email, user.password);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    await deployBpmn(t, oneTaskBpmn('jsContent'));
    api = await client(alice);
    bobApi = await client(bob);
  });
  afterAll(async () => {
    await t.close();
  });

  it('uploads to an instance and a task, relates a link, lists, reads, deletes; a stranger is refused with 403', async () => {
    const instanceId = await startInProcess(t, alice.id, 'jsContent');
    const taskId = (await tasksOf(t, instanceId))[0]!.id;
    const content = new apis.ActivitiContentApi(api);

    const png = await pngOf(32, 32);
    const uploaded = await content.createRelatedContentOnProcessInstance(instanceId, new File([png], 'scan.png', { type: 'image/png' }));
    expect(uploaded).toEqual(expect.objectContaining({ name: 'scan.png', mimeType: 'image/png', relatedContent: false, contentAvailable: true, link: false }));
    const onTask = await content.createRelatedContentOnTask(taskId, new File([PDF], 'offer.pdf', { type: 'application/pdf' }), { isRelatedContent: true });
    expect(onTask).toEqual(expect.objectContaining({ name: 'offer.pdf', mimeType: 'application/pdf', relatedContent: true }));
    const linked = await content.createRelatedContentOnProcessInstance(
      instanceId,
      new apis.RelatedContentRepresentation({ name: 'Image.png', link: true, source: 'alfresco-1', sourceId: '30358280-88de-436e-9d4d-8baa9dc44f17@swsdp', mimeType: 'image/png' }),
    );
    expect(linked).toEqual(expect.objectContaining({ name: 'Image.png', link: true, contentAvailable: false, relatedContent: true, source: 'alfresco-1' }));
    const taskLink = await content.createRelatedContentOnTask(taskId, new apis.RelatedContentRepresentation({ name: 'Spec', link: true, linkUrl: 'https://docs.example.com/spec' }));
    expect(taskLink).toEqual(expect.objectContaining({ name: 'Spec', link: true, linkUrl: 'https://docs.example.com/spec' }));

    const all = await content.getRelatedContentForProcessInstance(instanceId);
    expect(all).toMatchObject({ size: 4, total: 4, start: 0 });
    expect(all.data.map((c) => c.id)).toEqual([uploaded.id, onTask.id, linked.id, taskLink.id]);
    expect((await content.getRelatedContentForProcessInstance(instanceId, { isRelatedContent: true })).data.map((c) => c.id)).toEqual([onTask.id, linked.id, taskLink.id]);
    expect((await content.getRelatedContentForTask(taskId)).data.map((c) => c.id)).toEqual([onTask.id, taskLink.id]);

    expect(await content.getContent(onTask.id!)).toEqual(expect.objectContaining({ id: onTask.id, name: 'offer.pdf' }));
    expect(Buffer.compare(Buffer.from((await content.getRawContent(onTask.id!)) as Uint8Array), PDF)).toBe(0);

    const stranger = new apis.ActivitiContentApi(bobApi);
    await expect(stranger.getRelatedContentForProcessInstance(instanceId)).rejects.toMatchObject({ status: 403 });
    await expect(stranger.createRelatedContentOnTask(taskId, new File([png], 'x.png'))).rejects.toMatchObject({ status: 403 });
    await expect(stranger.deleteContent(onTask.id!)).rejects.toMatchObject({ status: 403 });

    await content.deleteContent(onTask.id!);
    await expect(content.getContent(onTask.id!)).rejects.toMatchObject({ status: 404 });
    expect((await content.getRelatedContentForTask(taskId)).data.map((c) => c.id)).toEqual([taskLink.id]);
  });
});
