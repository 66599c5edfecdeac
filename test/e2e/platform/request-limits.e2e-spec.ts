import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';

/** design.md §8 limits: malformed JSON, oversize and over-deep bodies, each in the dialect's shape. */
describe('request limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MAX_JSON_BYTES: '2048' });
  });
  afterAll(async () => {
    await t.close();
  });

  const add = '/API/UGA/Quser/add';

  it('malformed JSON → 400 naming the body (questetra shape)', async () => {
    const res = await t.http().post(add).set('Authorization', t.adminBasic).set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toEqual({ errors: [expect.objectContaining({ type: 'Validation', name: 'body', message: 'Malformed JSON in the request body' })] });
  });

  it('a body over MAX_JSON_BYTES → 413', async () => {
    const res = await t.http().post(add).set('Authorization', t.adminBasic).send({ name: 'x'.repeat(4096) }).expect(413);
    expect(res.body.errors[0].message).toMatch(/too large/i);
  });

  it('JSON nested deeper than 64 levels → 400', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const res = await t.http().post(add).set('Authorization', t.adminBasic).send({ name: deep }).expect(400);
    expect(res.body.errors[0].message).toMatch(/deeper than 64/);
  });

  it('malformed JSON on a ProcessMaker 3 path answers in the pm3 shape', async () => {
    const res = await t.http().post('/api/1.0/workflow/user').set('Content-Type', 'application/json').send('{oops').expect(400);
    expect(res.body).toEqual({ error: { code: 400, message: 'Bad Request: Malformed JSON in the request body' } });
  });

  it('malformed JSON on the token endpoints answers RFC 6749 invalid_request', async () => {
    for (const path of ['/oauth/token', '/workflow/oauth2/token', '/oauth/revoke', '/oauth/introspect']) {
      const res = await t.http().post(path).set('Content-Type', 'application/json').send('{"grant_type":').expect(400);
      expect(res.body).toEqual({ error: 'invalid_request', error_description: 'Malformed JSON in the request body' });
    }
  });

  it('an offset or page beyond the bounds is a 400/422 in each dialect, not a 500 from PostgreSQL', async () => {
    const pm3 = await t.http().get('/api/1.0/workflow/users?start=99999999999999999999').set('Authorization', t.adminBasic).expect(400);
    expect(pm3.body.error.message).toMatch(/start/);
    const pm3Groups = await t.http().get('/api/1.0/workflow/groups?start=99999999999999999999').set('Authorization', t.adminBasic).expect(400);
    expect(pm3Groups.body.error.message).toMatch(/start/);
    const pm4 = await t.http().get('/api/1.0/groups?page=1e18').set('Authorization', t.adminBasic).expect(422);
    expect(pm4.body.errors).toHaveProperty('page');
    const aps = await t.http().get('/activiti-app/api/enterprise/admin/groups/1/users?page=1e18').set('Authorization', t.adminBasic).expect(400);
    expect(aps.body.message).toMatch(/page/);
  });
});
