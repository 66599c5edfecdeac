import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as untyped from '@alfresco/js-api';
import type { AlfrescoApiInstance, ApsRecord } from '../../support/alfresco-js-api.js';
import { jsApi } from '../../support/alfresco-js-api.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { createUser, type CreatedUser } from './aps-test-helpers.js';
import { pngImage, renditionsSettled, sha256 } from './content-test-helpers.js';

type Api<T> = new (api: AlfrescoApiInstance) => T;
interface ContentApis {
  ActivitiContentApi: Api<{
    createTemporaryRawRelatedContent(file: unknown): Promise<ApsRecord>;
    getContent(contentId: number): Promise<ApsRecord>;
    getRawContent(contentId: number, renditionType?: string): Promise<unknown>;
    getRawContentUrl(contentId: number): string;
    deleteContent(contentId: number): Promise<void>;
  }>;
}
const apis = untyped as unknown as ContentApis;

/** Alfresco's own JavaScript client, unchanged, on start-form content: upload, metadata, bytes, thumbnail, delete. */
describe('aps content through @alfresco/js-api (ActivitiContentApi)', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let api: AlfrescoApiInstance;

  beforeAll(async () => {
    t = await startTestApp();
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    api = new jsApi.AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await api.login(alice.email, alice.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('createTemporaryRawRelatedContent, getContent, getRawContent (bytes and thumbnail), deleteContent', async () => {
    const content = new apis.ActivitiContentApi(api);
    const png = await pngImage(400, 400);
    const created = await content.createTemporaryRawRelatedContent(new File([png], 'diagram.png', { type: 'image/png' }));
    expect(created).toEqual(expect.objectContaining({ name: 'diagram.png', mimeType: 'image/png', simpleType: 'image', relatedContent: false, contentAvailable: true }));
    expect(created.createdBy).toEqual(expect.objectContaining({ id: alice.id, firstName: 'Alice', lastName: 'Archer' }));
    const id = created.id!;
    expect(await content.getContent(id)).toEqual(expect.objectContaining({ id, name: 'diagram.png' }));
    expect(content.getRawContentUrl(id)).toBe(`${t.baseUrl}/activiti-app/api/enterprise/content/${id}/raw`);
    // In Node the client answers the bytes as a Uint8Array (a Blob in browsers).
    const raw = (await content.getRawContent(id)) as Uint8Array;
    expect(sha256(Buffer.from(raw))).toBe(sha256(png));
    await renditionsSettled(t, alice.auth, id);
    const thumbnail = (await content.getRawContent(id, 'thumbnail')) as Uint8Array;
    expect(Buffer.from(thumbnail).subarray(1, 4).toString()).toBe('PNG');
    await content.deleteContent(id);
    await expect(content.getContent(id)).rejects.toMatchObject({ status: 404 });
  });
});
