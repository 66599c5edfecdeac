import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { deployBpmn, oneTaskBpmn, startInProcess, tasksOf } from '../../support/engine.js';
import { answerProblems, type Json } from '../../support/openapi.js';
import { API, createUser } from './aps-test-helpers.js';
import { PDF, pngOf } from './content-owners-support.js';

type Answer = { status: number; body: unknown; text: string };

/** Every answer of the content-owner, picture and logo endpoints, successes and errors, has the shape its OpenAPI operation documents. */
describe('content of instances and tasks, pictures and logos: answers match the OpenAPI documents', () => {
  let t: TestApp;
  const docs: Record<string, Json> = {};

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: '4096' });
    docs.aps = (await t.http().get('/docs/aps-json').expect(200)).body as Json;
    docs.pm3 = (await t.http().get('/docs/pm3-json').expect(200)).body as Json;
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every answer it gives', async () => {
    const alice = await createUser(t);
    const bob = await createUser(t);
    await deployBpmn(t, oneTaskBpmn('docs'));
    const instanceId = await startInProcess(t, alice.id, 'docs');
    const taskId = (await tasksOf(t, instanceId))[0]!.id;
    const closedId = await startInProcess(t, alice.id, 'docs');
    await t.http().delete(`${API}/process-instances/${closedId}`).set('Authorization', alice.auth).expect(200);
    const png = await pngOf(16, 16);
    const a = alice.auth;
    const uid = String(alice.id).padStart(32, '0');
    const link = { name: 'Doc', linkUrl: 'https://example.com/doc' };
    const calls: Array<[string, string, string, () => PromiseLike<Answer>]> = [
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/raw-content', () => t.http().post(`${API}/process-instances/${instanceId}/raw-content`).set('Authorization', a).attach('file', PDF, 'a.pdf')],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/raw-content', () => t.http().post(`${API}/process-instances/${instanceId}/raw-content`).set('Authorization', a).attach('file', Buffer.alloc(5000), 'big.bin')],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/raw-content', () => t.http().post(`${API}/process-instances/${closedId}/raw-content`).set('Authorization', a).attach('file', PDF, 'a.pdf')],
      ['aps', 'post', '/activiti-app/api/enterprise/tasks/{taskId}/raw-content', () => t.http().post(`${API}/tasks/${taskId}/raw-content`).set('Authorization', a).attach('file', png, 'a.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/tasks/{taskId}/raw-content', () => t.http().post(`${API}/tasks/${taskId}/raw-content`).set('Authorization', bob.auth).attach('file', png, 'a.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/tasks/{taskId}/raw-content', () => t.http().post(`${API}/tasks/999999/raw-content`).set('Authorization', a).attach('file', png, 'a.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/content', () => t.http().post(`${API}/process-instances/${instanceId}/content`).set('Authorization', a).send(link)],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/content', () => t.http().post(`${API}/process-instances/${instanceId}/content`).set('Authorization', a).send({ name: 'x', linkUrl: 'javascript:alert(1)' })],
      ['aps', 'post', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/content', () => t.http().post(`${API}/process-instances/${closedId}/content`).set('Authorization', a).send(link)],
      ['aps', 'post', '/activiti-app/api/enterprise/tasks/{taskId}/content', () => t.http().post(`${API}/tasks/${taskId}/content`).set('Authorization', a).send({ ...link, source: 'alfresco-1', sourceId: 'x@y' })],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/content', () => t.http().get(`${API}/process-instances/${instanceId}/content`).set('Authorization', a)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/content', () => t.http().get(`${API}/process-instances/${instanceId}/content`).set('Authorization', bob.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/process-instances/{processInstanceId}/content', () => t.http().get(`${API}/process-instances/x/content`).set('Authorization', a)],
      ['aps', 'get', '/activiti-app/api/enterprise/tasks/{taskId}/content', () => t.http().get(`${API}/tasks/${taskId}/content?isRelatedContent=false`).set('Authorization', a)],
      ['aps', 'get', '/activiti-app/api/enterprise/tasks/{taskId}/content', () => t.http().get(`${API}/tasks/999999/content`).set('Authorization', a)],
      ['aps', 'post', '/activiti-app/api/enterprise/profile-picture', () => t.http().post(`${API}/profile-picture`).set('Authorization', a).attach('file', png, 'me.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/profile-picture', () => t.http().post(`${API}/profile-picture`).set('Authorization', a).attach('file', PDF, 'me.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/profile-picture', () => t.http().post(`${API}/profile-picture`).set('Authorization', a).attach('file', Buffer.alloc(5000), 'me.png')],
      ['aps', 'get', '/activiti-app/api/enterprise/profile-picture', () => t.http().get(`${API}/profile-picture`).set('Authorization', bob.auth)],
      ['aps', 'get', '/activiti-app/api/enterprise/users/{userId}/picture', () => t.http().get(`${API}/users/999999/picture`).set('Authorization', a)],
      ['aps', 'get', '/activiti-app/api/enterprise/users/{userId}/picture', () => t.http().get(`${API}/users/x/picture`).set('Authorization', a)],
      ['aps', 'post', '/activiti-app/api/enterprise/admin/tenants/{tenantId}/logo', () => t.http().post(`${API}/admin/tenants/1/logo`).set('Authorization', t.adminBasic).attach('file', png, 'logo.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/admin/tenants/{tenantId}/logo', () => t.http().post(`${API}/admin/tenants/1/logo`).set('Authorization', a).attach('file', png, 'logo.png')],
      ['aps', 'post', '/activiti-app/api/enterprise/admin/tenants/{tenantId}/logo', () => t.http().post(`${API}/admin/tenants/999999/logo`).set('Authorization', t.adminBasic).attach('file', png, 'logo.png')],
      ['aps', 'get', '/activiti-app/api/enterprise/admin/tenants/{tenantId}/logo', () => t.http().get(`${API}/admin/tenants/1/logo`).set('Authorization', a)],
      ['aps', 'get', '/activiti-app/api/enterprise/admin/tenants/{tenantId}/logo', () => t.http().get(`${API}/admin/tenants/999999/logo`).set('Authorization', t.adminBasic)],
      ['pm3', 'post', '/api/1.0/{workspace}/user/{usr_uid}/image-upload', () => t.http().post(`/api/1.0/workflow/user/${uid}/image-upload`).set('Authorization', t.adminBasic).attach('USR_PHOTO', png, 'p.png')],
      ['pm3', 'post', '/api/1.0/{workspace}/user/{usr_uid}/image-upload', () => t.http().post(`/api/1.0/workflow/user/${uid}/image-upload`).set('Authorization', bob.auth).attach('USR_PHOTO', png, 'p.png')],
      ['pm3', 'post', '/api/1.0/{workspace}/user/{usr_uid}/image-upload', () => t.http().post(`/api/1.0/workflow/user/${uid}/image-upload`).set('Authorization', t.adminBasic).attach('USR_PHOTO', PDF, 'p.png')],
      ['pm3', 'post', '/api/1.0/{workspace}/user/{usr_uid}/image-upload', () => t.http().post(`/api/1.0/workflow/user/${uid}/image-upload`).set('Authorization', t.adminBasic).attach('USR_PHOTO', Buffer.alloc(5000), 'p.png')],
      ['pm3', 'post', '/api/1.0/{workspace}/user/{usr_uid}/image-upload', () => t.http().post(`/api/1.0/workflow/user/${uid}/image-upload`).attach('USR_PHOTO', png, 'p.png')],
    ];
    const problems: string[] = [];
    const statuses: string[] = [];
    for (const [dialect, method, path, call] of calls) {
      const res = await call();
      statuses.push(`${method} ${path} ${res.status}`);
      problems.push(...answerProblems(docs[dialect]!, method, path, res).map((p) => `${dialect}: ${p}`));
    }
    expect(problems).toEqual([]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/raw-content 200$/),
        expect.stringMatching(/raw-content 413$/),
        expect.stringMatching(/raw-content 409$/),
        expect.stringMatching(/raw-content 403$/),
        expect.stringMatching(/raw-content 404$/),
        expect.stringMatching(/\{processInstanceId\}\/content 400$/),
        expect.stringMatching(/profile-picture 413$/),
        expect.stringMatching(/logo 403$/),
        expect.stringMatching(/image-upload 200$/),
        expect.stringMatching(/image-upload 401$/),
        expect.stringMatching(/image-upload 413$/),
      ]),
    );
  });
});
