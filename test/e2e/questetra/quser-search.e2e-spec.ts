import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { addQuser, snapshot } from './questetra-support.js';

const ADMIN = { id: 1, name: 'Administrator', email: 'admin@example.com' };

describe('questetra: User Search API (Quser self, list, find)', () => {
  let t: TestApp;
  let ann: { id: number; name: string; email: string };
  let bob: { id: number; name: string; email: string };
  let carol: { id: number; name: string; email: string };
  const annAuth = basic('ann.smith@example.com', 'ann-password-1');

  beforeAll(async () => {
    t = await startTestApp();
    ann = await addQuser(t, 'Ann Smith', 'ann.smith@example.com', 'ann-password-1');
    bob = await addQuser(t, 'Bob Jones', 'bob@corp.test', 'bob-password-1');
    carol = await addQuser(t, 'Carol Smithers', 'carol@example.com', 'carol-password-1');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('authentication', () => {
    it.each([
      ['get', '/API/User/Quser/self'],
      ['post', '/API/User/Quser/self'],
      ['get', '/API/User/Quser/list'],
      ['post', '/API/User/Quser/list'],
      ['get', '/API/User/Quser/find?id=1'],
      ['post', '/API/User/Quser/find'],
    ] as const)('%s %s without credentials answers 401 with an ErrorEntry', async (method, path) => {
      const res = await t.http()[method](path).expect(401);
      expect(res.body).toEqual({ errors: [{ type: 'Unauthorized', name: null, value: null, message: 'Authentication required' }] });
    });

    it('wrong password answers 401', async () => {
      const res = await t.http().get('/API/User/Quser/self').set('Authorization', basic('ann.smith@example.com', 'nope-nope-1')).expect(401);
      expect(res.body.errors[0].type).toBe('Unauthorized');
    });
  });

  describe('Quser/self', () => {
    it('answers the administrator with GET and POST', async () => {
      const get = await t.http().get('/API/User/Quser/self').set('Authorization', t.adminBasic).expect(200);
      expect(get.body).toEqual({ quser: ADMIN });
      const post = await t.http().post('/API/User/Quser/self').set('Authorization', t.adminBasic).type('form').send('').expect(200);
      expect(post.body).toEqual({ quser: ADMIN });
    });

    it('answers an ordinary user, who signs in with the e-mail address', async () => {
      const res = await t.http().get('/API/User/Quser/self').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ quser: { id: ann.id, name: 'Ann Smith', email: 'ann.smith@example.com' } });
    });

    it('names an unknown parameter in a Validation error', async () => {
      const res = await t.http().get('/API/User/Quser/self?foo=bar').set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [{ type: 'Validation', name: 'foo', value: 'bar', message: 'property foo should not exist' }] });
    });
  });

  describe('Quser/list', () => {
    it('defaults to start 0 and limit 1, with the total count', async () => {
      const res = await t.http().get('/API/User/Quser/list').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 4, qusers: [ADMIN] });
    });

    it('pages by start and limit in id order', async () => {
      const res = await t.http().get('/API/User/Quser/list?start=1&limit=2').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 4, qusers: [ann, bob] });
      const all = await t.http().get('/API/User/Quser/list?limit=1000').set('Authorization', annAuth).expect(200);
      expect(all.body).toEqual({ count: 4, qusers: [ADMIN, ann, bob, carol] });
      expect(ann.id).toBeLessThan(bob.id);
      expect(bob.id).toBeLessThan(carol.id);
    });

    it('answers an empty page past the end and a count-only page for limit=0', async () => {
      const past = await t.http().get('/API/User/Quser/list?start=4&limit=10').set('Authorization', annAuth).expect(200);
      expect(past.body).toEqual({ count: 4, qusers: [] });
      const none = await t.http().get('/API/User/Quser/list?limit=0').set('Authorization', annAuth).expect(200);
      expect(none.body).toEqual({ count: 4, qusers: [] });
    });

    it('searches names and e-mail addresses by case-insensitive substring', async () => {
      const smith = await t.http().get('/API/User/Quser/list?query=SMITH&limit=10').set('Authorization', annAuth).expect(200);
      expect(smith.body).toEqual({ count: 2, qusers: [ann, carol] });
      const acrossSpace = await t.http().get('/API/User/Quser/list').query({ query: 'n Sm', limit: '10' }).set('Authorization', annAuth).expect(200);
      expect(acrossSpace.body).toEqual({ count: 1, qusers: [ann] });
      const byEmail = await t.http().get('/API/User/Quser/list?query=corp.test&limit=10').set('Authorization', annAuth).expect(200);
      expect(byEmail.body).toEqual({ count: 1, qusers: [bob] });
      const percent = await t.http().get('/API/User/Quser/list').query({ query: '%', limit: '10' }).set('Authorization', annAuth).expect(200);
      expect(percent.body).toEqual({ count: 0, qusers: [] });
    });

    it('takes the same parameters from a form-encoded or JSON body on POST', async () => {
      const form = await t.http().post('/API/User/Quser/list').set('Authorization', annAuth).type('form').send({ query: 'smith', start: '1', limit: '5' }).expect(200);
      expect(form.body).toEqual({ count: 2, qusers: [carol] });
      const json = await t.http().post('/API/User/Quser/list').set('Authorization', annAuth).send({ query: 'smith', start: 0, limit: 1 }).expect(200);
      expect(json.body).toEqual({ count: 2, qusers: [ann] });
      const both = await t.http().post('/API/User/Quser/list?limit=2').set('Authorization', annAuth).type('form').send({ limit: '3' }).expect(200);
      expect(both.body.qusers).toHaveLength(2);
    });

    it('treats blank parameters as not given', async () => {
      const res = await t.http().get('/API/User/Quser/list?start=&limit=&query=').set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ count: 4, qusers: [ADMIN] });
    });

    it.each([
      ['start=-1', 'start', '-1', 'start must be an integer from 0 to 9007199254740991'],
      ['limit=abc', 'limit', 'abc', 'limit must be an integer from 0 to 1000'],
      ['limit=1001', 'limit', '1001', 'limit must be an integer from 0 to 1000'],
      ['start=1.5', 'start', '1.5', 'start must be an integer from 0 to 9007199254740991'],
      ['bogus=1', 'bogus', '1', 'property bogus should not exist'],
    ])('%s answers a Validation ErrorEntry naming the parameter', async (qs, name, value, message) => {
      const before = await snapshot(t);
      const res = await t.http().get(`/API/User/Quser/list?${qs}`).set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [{ type: 'Validation', name, value, message }] });
      expect(await snapshot(t)).toEqual(before);
    });

    it('reports every bad parameter at once', async () => {
      const res = await t.http().post('/API/User/Quser/list').set('Authorization', annAuth).type('form').send({ start: '-1', limit: 'abc' }).expect(400);
      expect(res.body.errors.map((e: { type: string; name: string }) => [e.type, e.name])).toEqual([
        ['Validation', 'start'],
        ['Validation', 'limit'],
      ]);
    });

    it('answers QgroupDoesNotExist for a qgroupId the tenant has no organization for (membership.e2e-spec covers the filter)', async () => {
      const res = await t.http().get('/API/User/Quser/list?qgroupId=5').set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [{ type: 'QgroupDoesNotExist', name: 'qgroupId', value: '5', message: 'Group 5 does not exist' }] });
    });
  });

  describe('Quser/find', () => {
    it('finds by id and by e-mail address (case-insensitive), GET and POST', async () => {
      const byId = await t.http().get(`/API/User/Quser/find?id=${bob.id}`).set('Authorization', annAuth).expect(200);
      expect(byId.body).toEqual({ quser: bob });
      const byEmail = await t.http().post('/API/User/Quser/find').set('Authorization', annAuth).type('form').send({ email: 'BOB@Corp.Test' }).expect(200);
      expect(byEmail.body).toEqual({ quser: bob });
      const json = await t.http().post('/API/User/Quser/find').set('Authorization', annAuth).send({ id: carol.id }).expect(200);
      expect(json.body).toEqual({ quser: carol });
    });

    it('uses only the id when both are given, even beside a malformed or unknown e-mail', async () => {
      const res = await t.http().get('/API/User/Quser/find').query({ id: String(ann.id), email: 'bob@corp.test' }).set('Authorization', annAuth).expect(200);
      expect(res.body).toEqual({ quser: ann });
      const malformed = await t.http().get('/API/User/Quser/find').query({ id: String(ann.id), email: 'not-an-email' }).set('Authorization', annAuth).expect(200);
      expect(malformed.body).toEqual({ quser: ann });
    });

    it.each([
      ['', { type: 'Validation', name: 'id', value: null, message: 'One of id, email is required' }],
      ['id=&email=', { type: 'Validation', name: 'id', value: null, message: 'One of id, email is required' }],
      ['id=abc', { type: 'InvalidId', name: 'id', value: 'abc', message: 'id must be a positive integer id' }],
      ['id=0', { type: 'InvalidId', name: 'id', value: '0', message: 'id must be a positive integer id' }],
      ['id=999999', { type: 'QuserDoesNotExist', name: 'id', value: '999999', message: 'User with id 999999 does not exist' }],
      ['email=nobody%40example.com', { type: 'QuserDoesNotExist', name: 'email', value: 'nobody@example.com', message: 'User with e-mail nobody@example.com does not exist' }],
      ['email=not-an-email', { type: 'InvalidEmail', name: 'email', value: 'not-an-email', message: "'not-an-email' is not a valid e-mail address" }],
    ])('find?%s answers 400 with the ErrorEntry', async (qs, entry) => {
      const before = await snapshot(t);
      const res = await t.http().get(`/API/User/Quser/find?${qs}`).set('Authorization', annAuth).expect(400);
      expect(res.body).toEqual({ errors: [entry] });
      expect(await snapshot(t)).toEqual(before);
    });

    it('neither finds nor lists a deleted user', async () => {
      const dave = await addQuser(t, 'Dave Deleted', 'dave@example.com', 'dave-password-1');
      await sql(t, `UPDATE identity.users SET status = 'deleted', deleted_at = now() WHERE id = $1`, [dave.id]);
      const byId = await t.http().get(`/API/User/Quser/find?id=${dave.id}`).set('Authorization', annAuth).expect(400);
      expect(byId.body.errors).toEqual([{ type: 'QuserDoesNotExist', name: 'id', value: String(dave.id), message: `User with id ${dave.id} does not exist` }]);
      const byEmail = await t.http().get('/API/User/Quser/find?email=dave%40example.com').set('Authorization', annAuth).expect(400);
      expect(byEmail.body.errors[0]).toMatchObject({ type: 'QuserDoesNotExist', name: 'email', value: 'dave@example.com' });
      const list = await t.http().get('/API/User/Quser/list?limit=100').set('Authorization', annAuth).expect(200);
      expect(list.body).toEqual({ count: 4, qusers: [ADMIN, ann, bob, carol] });
    });
  });

  it('documents the operations in the questetra OpenAPI document, GET and POST', async () => {
    const res = await t.http().get('/docs/questetra-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    for (const op of ['self', 'list', 'find']) expect(Object.keys(paths[`/API/User/Quser/${op}`] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/API/UGA/Quser/add'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/API/Admin/SystemAuthority/addToQuser'] ?? {})).toEqual(['post']);
    expect(paths['/API/User/Quser/list']!.get!.parameters!.map((p) => p.name)).toEqual(['query', 'start', 'limit', 'qgroupId']);
  });
});
