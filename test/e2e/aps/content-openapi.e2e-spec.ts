import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { answerProblems, type Json } from '../../support/openapi.js';
import { API, createUser, type CreatedUser } from './aps-test-helpers.js';
import { PDF_BYTES, uploadRaw } from './content-test-helpers.js';

/** The answers of the content endpoints have exactly the shapes their Swagger documents. */
describe('aps content: real answers match the OpenAPI document', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let doc: Json;

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: String(64 * 1024) });
    alice = await createUser(t);
    bob = await createUser(t);
    doc = (await t.http().get('/docs/aps-json').expect(200)).body as Json;
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every content operation with its tag, a description and the multipart body', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    for (const [path, method] of [
      ['/content/raw', 'post'],
      ['/content/{contentId}', 'get'],
      ['/content/{contentId}', 'delete'],
      ['/content/{contentId}/raw', 'get'],
      ['/content/{contentId}/rendition/{renditionType}', 'get'],
    ] as const) {
      const op = paths[`${API}${path}`]?.[method];
      expect({ path, method, tags: op?.tags, described: String(op?.description ?? '').length > 40 }).toEqual({ path, method, tags: ['content'], described: true });
    }
    const body = paths[`${API}/content/raw`]!.post!.requestBody as Json;
    expect(Object.keys(body.content as Json)).toEqual(['multipart/form-data']);
  });

  it('successes and errors conform', async () => {
    const http = () => t.http();
    const auth = alice.auth;
    const created = (await uploadRaw(t, auth, PDF_BYTES, 'doc.pdf').expect(200)).body as Json;
    const calls: Array<[string, string, () => Promise<{ status: number; body: unknown; text: string }>]> = [
      ['post', '/content/raw', () => uploadRaw(t, auth, Buffer.from('hello'), 'hello.txt', 'text/plain', '?isRelatedContent=true')],
      ['post', '/content/raw', () => uploadRaw(t, auth, Buffer.alloc(0), 'empty.txt')],
      ['post', '/content/raw', () => uploadRaw(t, auth, Buffer.alloc(100 * 1024, 1), 'big.bin')],
      ['post', '/content/raw', () => http().post(`${API}/content/raw`)],
      ['get', '/content/{contentId}', () => http().get(`${API}/content/${String(created.id)}`).set('Authorization', auth)],
      ['get', '/content/{contentId}', () => http().get(`${API}/content/${String(created.id)}`).set('Authorization', bob.auth)],
      ['get', '/content/{contentId}', () => http().get(`${API}/content/999999`).set('Authorization', auth)],
      ['get', '/content/{contentId}', () => http().get(`${API}/content/x1`).set('Authorization', auth)],
      ['get', '/content/{contentId}/raw', () => http().get(`${API}/content/999999/raw`).set('Authorization', auth)],
      ['get', '/content/{contentId}/rendition/{renditionType}', () => http().get(`${API}/content/${String(created.id)}/rendition/thumbnail`).set('Authorization', auth)],
      ['delete', '/content/{contentId}', () => http().delete(`${API}/content/${String(created.id)}`).set('Authorization', bob.auth)],
      ['delete', '/content/{contentId}', () => http().delete(`${API}/content/${String(created.id)}`).set('Authorization', auth)],
    ];
    const problems: string[] = [];
    const statuses: number[] = [];
    for (const [method, path, call] of calls) {
      const res = await call();
      statuses.push(res.status);
      problems.push(...answerProblems(doc, method, `${API}${path}`, res));
    }
    expect(problems).toEqual([]);
    expect(statuses).toEqual([200, 400, 413, 401, 200, 403, 404, 400, 404, 404, 403, 200]);
  });
});
