import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { ContentApi } from '../../../src/content/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { binaryParser, callOf, jpegOf, PDF, pngOf, storeSnapshot } from './content-owners-support.js';

const MAX_UPLOAD = 256 * 1024;

/** Seed 004: profile-picture, users/{userId}/picture and admin/tenants/{tenantId}/logo, over real HTTP. */
describe('aps pictures and tenant logos', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let tenantAdmin: CreatedUser;
  let outsider: CreatedUser;
  let otherTenant: number;

  const as = (who: CreatedUser | 'admin'): string => (who === 'admin' ? t.adminBasic : who.auth);
  const post = (who: CreatedUser | 'admin', path: string, bytes: Buffer, name = 'me.png', contentType?: string, part = 'file') =>
    t
      .http()
      .post(`${API}/${path}`)
      .set('Authorization', as(who))
      .attach(part, bytes, contentType ? { filename: name, contentType } : name);
  const get = (who: CreatedUser | 'admin', path: string) => t.http().get(`${API}/${path}`).set('Authorization', as(who)).buffer(true).parse(binaryParser);
  const pictureRow = async (kind: 'user' | 'tenant', ownerId: number) =>
    (await sql<{ contentId: string }>(t, `SELECT content_id::text AS "contentId" FROM content.pictures WHERE owner_kind = $1 AND owner_id = $2`, [kind, ownerId]))[0];

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer', email: 'alice.pic@example.com' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker', email: 'bob.pic@example.com' });
    tenantAdmin = await createTenantAdmin(t);
    otherTenant = await createTenant(t, 'Pictures elsewhere');
    outsider = await createUser(t, { tenantId: otherTenant, email: 'outsider.pic@example.com' });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('profile-picture and users/{userId}/picture', () => {
    it('no picture yet: 404 in the aps shape', async () => {
      const res = await t.http().get(`${API}/profile-picture`).set('Authorization', alice.auth);
      expect(res.status).toBe(404);
      expectApsError(res.body, 'GENERAL.ERROR.NOT-FOUND');
      expect((await t.http().get(`${API}/users/${alice.id}/picture`).set('Authorization', bob.auth)).status).toBe(404);
    });

    it('stores the picture resized to fit 512 × 512 and serves it to the user and colleagues of the tenant', async () => {
      const res = await post(alice, 'profile-picture', await pngOf(1024, 768), 'holiday.png');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: expect.any(Number), mimeType: 'image/png', width: 512, height: 384 });
      expect(await pictureRow('user', alice.id)).toEqual({ contentId: String(res.body.id) });

      const mine = await get(alice, 'profile-picture');
      expect(mine.status).toBe(200);
      expect(mine.headers['content-type']).toBe('image/png');
      expect(mine.headers['x-content-type-options']).toBe('nosniff');
      expect(mine.headers['content-disposition']).toMatch(/^inline/);
      expect(mine.headers['cache-control']).toBe('private, no-cache');
      expect(await sharp(mine.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 512, height: 384 });

      const seen = await get(bob, `users/${alice.id}/picture`);
      expect(seen.status).toBe(200);
      expect(Buffer.compare(seen.body as Buffer, mine.body as Buffer)).toBe(0);
      // The picture is content created by its owner: its metadata is there for them.
      const meta = await t.http().get(`${API}/content/${res.body.id}`).set('Authorization', alice.auth).expect(200);
      expect(meta.body).toMatchObject({ id: res.body.id, name: 'holiday.png', mimeType: 'image/png', simpleType: 'image', relatedContent: false });
    });

    it('small pictures are not enlarged; replacing a picture deletes the old one (row and bytes)', async () => {
      const first = await post(bob, 'profile-picture', await pngOf(64, 32)).expect(200);
      expect(first.body).toMatchObject({ width: 64, height: 32 });
      const [old] = await sql<{ key: string }>(t, `SELECT store_key AS key FROM content.content_items WHERE id = $1`, [first.body.id]);
      expect(existsSync(join(t.config.dataDir, old!.key))).toBe(true);
      const second = await post(bob, 'profile-picture', await jpegOf(2000, 1000), 'me.jpg').expect(200);
      expect(second.body).toEqual({ id: expect.any(Number), mimeType: 'image/jpeg', width: 512, height: 256 });
      expect(await sql(t, `SELECT id FROM content.content_items WHERE id = $1`, [first.body.id])).toEqual([]);
      expect(existsSync(join(t.config.dataDir, old!.key))).toBe(false);
      const served = await get(alice, `users/${bob.id}/picture`);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(await pictureRow('user', bob.id)).toEqual({ contentId: String(second.body.id) });
    });

    it('refuses what is not a PNG, JPEG or GIF by its bytes, empty files, missing parts and oversize files; the picture stays', async () => {
      const before = await storeSnapshot(t);
      const picture = await pictureRow('user', alice.id);
      const cases: Array<[ReturnType<typeof post>, number]> = [
        [post(alice, 'profile-picture', PDF, 'me.png', 'image/png'), 400],
        [post(alice, 'profile-picture', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'me.svg', 'image/svg+xml'), 400],
        [post(alice, 'profile-picture', await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } }).webp().toBuffer(), 'me.webp'), 400],
        [post(alice, 'profile-picture', (await pngOf(200, 200)).subarray(0, 80), 'cut.png'), 400],
        [post(alice, 'profile-picture', Buffer.alloc(0), 'empty.png'), 400],
        [post(alice, 'profile-picture', await pngOf(10, 10), 'me.png', undefined, 'photo'), 400],
        [post(alice, 'profile-picture', Buffer.concat([await pngOf(10, 10), Buffer.alloc(MAX_UPLOAD, 1)]), 'huge.png'), 413],
      ];
      for (const [request, status] of cases) {
        const res = await request;
        expect(res.status).toBe(status);
        expectApsError(res.body, status === 413 ? 'GENERAL.ERROR.PAYLOAD-TOO-LARGE' : 'GENERAL.ERROR.BAD-REQUEST', 'file');
      }
      const notMultipart = await t.http().post(`${API}/profile-picture`).set('Authorization', alice.auth).send({ file: 'x' });
      expect(notMultipart.status).toBe(400);
      expect(await storeSnapshot(t)).toEqual(before);
      expect(await pictureRow('user', alice.id)).toEqual(picture);
    });

    it('users/{userId}/picture: another tenant\'s user, an unknown user: 404; a malformed id: 400', async () => {
      await post(outsider, 'profile-picture', await pngOf(20, 20)).expect(200);
      expect((await t.http().get(`${API}/users/${outsider.id}/picture`).set('Authorization', alice.auth)).status).toBe(404);
      expect((await t.http().get(`${API}/users/${outsider.id}/picture`).set('Authorization', t.adminBasic)).status).toBe(404);
      expect((await t.http().get(`${API}/users/${alice.id}/picture`).set('Authorization', outsider.auth)).status).toBe(404);
      expect((await t.http().get(`${API}/users/999999/picture`).set('Authorization', alice.auth)).status).toBe(404);
      const bad = await t.http().get(`${API}/users/abc/picture`).set('Authorization', alice.auth);
      expect(bad.status).toBe(400);
      expectApsError(bad.body, 'GENERAL.ERROR.BAD-REQUEST', 'userId');
      expect((await t.http().get(`${API}/profile-picture`)).status).toBe(401);
    });
  });

  describe('admin/tenants/{tenantId}/logo', () => {
    it('a tenant admin sets and reads their own tenant\'s logo', async () => {
      expect((await t.http().get(`${API}/admin/tenants/1/logo`).set('Authorization', tenantAdmin.auth)).status).toBe(404);
      const res = await post(tenantAdmin, 'admin/tenants/1/logo', await pngOf(800, 200), 'logo.png').expect(200);
      expect(res.body).toEqual({ id: expect.any(Number), mimeType: 'image/png', width: 512, height: 128 });
      const logo = await get(tenantAdmin, 'admin/tenants/1/logo');
      expect(logo.status).toBe(200);
      expect(logo.headers['content-type']).toBe('image/png');
      expect(await sharp(logo.body as Buffer).metadata()).toMatchObject({ width: 512, height: 128 });
      expect(await pictureRow('tenant', 1)).toEqual({ contentId: String(res.body.id) });
      // The tenant's representations name it: logoId in admin/tenants/{id} and in the list, tenantPictureId on the profile.
      const tenant = await t.http().get(`${API}/admin/tenants/1`).set('Authorization', tenantAdmin.auth).expect(200);
      expect(tenant.body.logoId).toBe(res.body.id);
      const listed = await t.http().get(`${API}/admin/tenants`).set('Authorization', t.adminBasic).expect(200);
      const rows = (Array.isArray(listed.body) ? listed.body : listed.body.data) as Array<{ id: number; logoId: number | null }>;
      expect(rows.find((r) => r.id === 1)?.logoId).toBe(res.body.id);
      expect(rows.filter((r) => r.id !== 1).every((r) => r.logoId === null)).toBe(true);
      const profile = await t.http().get(`${API}/profile`).set('Authorization', tenantAdmin.auth).expect(200);
      expect(profile.body.tenantPictureId).toBe(res.body.id);
    });

    it('others: 403 for reading and changing (a tenant admin for another tenant too); nothing changes', async () => {
      const before = await storeSnapshot(t);
      const logo = await pictureRow('tenant', 1);
      for (const res of [
        await t.http().get(`${API}/admin/tenants/1/logo`).set('Authorization', bob.auth),
        await post(bob, 'admin/tenants/1/logo', await pngOf(10, 10)),
        await t.http().get(`${API}/admin/tenants/${otherTenant}/logo`).set('Authorization', tenantAdmin.auth),
        await post(tenantAdmin, `admin/tenants/${otherTenant}/logo`, await pngOf(10, 10)),
        await post(outsider, 'admin/tenants/1/logo', await pngOf(10, 10)),
      ]) {
        expect(callOf(res)).toMatch(/ 403$/);
        expectApsError(res.body, 'GENERAL.ERROR.FORBIDDEN');
      }
      expect(await storeSnapshot(t)).toEqual(before);
      expect(await pictureRow('tenant', 1)).toEqual(logo);
    });

    it('a tenant manager reaches any tenant; an unknown tenant is 404, a malformed id 400, a non-image 400', async () => {
      const res = await post('admin', `admin/tenants/${otherTenant}/logo`, await pngOf(100, 100)).expect(200);
      const [row] = await sql<{ tenant: string }>(t, `SELECT tenant_id::text AS tenant FROM content.content_items WHERE id = $1`, [res.body.id]);
      expect(row!.tenant).toBe(String(otherTenant));
      expect((await get('admin', `admin/tenants/${otherTenant}/logo`)).status).toBe(200);
      const before = await storeSnapshot(t);
      const unknown = await post('admin', 'admin/tenants/999999/logo', await pngOf(10, 10));
      expect(unknown.status).toBe(404);
      expectApsError(unknown.body, 'GENERAL.ERROR.NOT-FOUND', 'tenantId');
      expect((await t.http().get(`${API}/admin/tenants/999999/logo`).set('Authorization', t.adminBasic)).status).toBe(404);
      const malformed = await post('admin', 'admin/tenants/x1/logo', await pngOf(10, 10));
      expect(malformed.status).toBe(400);
      expectApsError(malformed.body, 'GENERAL.ERROR.BAD-REQUEST', 'tenantId');
      const pdf = await post('admin', 'admin/tenants/1/logo', PDF, 'logo.png', 'image/png');
      expect(pdf.status).toBe(400);
      expectApsError(pdf.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      expect(await storeSnapshot(t)).toEqual(before);
    });
  });

  it('the profile shows pictureId and tenantPictureId, and content shows its creator\'s pictureId', async () => {
    const picture = (await pictureRow('user', alice.id))!.contentId;
    const logo = (await pictureRow('tenant', 1))!.contentId;
    const profile = await t.http().get(`${API}/profile`).set('Authorization', alice.auth).expect(200);
    expect(profile.body).toMatchObject({ id: alice.id, pictureId: Number(picture), tenantPictureId: Number(logo) });
    const outsiderProfile = await t.http().get(`${API}/profile`).set('Authorization', outsider.auth).expect(200);
    // The other tenant got its logo from the tenant manager above.
    expect(outsiderProfile.body).toMatchObject({ tenantPictureId: Number((await pictureRow('tenant', otherTenant))!.contentId), pictureId: expect.any(Number) });
    const noPicture = await createUser(t);
    expect((await t.http().get(`${API}/profile`).set('Authorization', noPicture.auth).expect(200)).body).toMatchObject({ pictureId: null, tenantPictureId: Number(logo) });
    const uploaded = await t.http().post(`${API}/content/raw`).set('Authorization', alice.auth).attach('file', Buffer.from('hello'), 'a.txt').expect(200);
    expect(uploaded.body.createdBy).toEqual({ id: alice.id, firstName: 'Alice', lastName: 'Archer', email: 'alice.pic@example.com', pictureId: Number(picture) });
  });

  it('a picture cannot be claimed as field content by a form submission of its creator', async () => {
    const picture = (await pictureRow('user', alice.id))!.contentId;
    const api = t.app.get(ContentApi, { strict: false });
    await expect(
      api.claimFieldContent({ tenantId: '1', userId: String(alice.id), contentIds: [picture], owner: { kind: 'process-instance', processInstanceId: '12345' } }),
    ).rejects.toMatchObject({ code: 'CONTENT.FIELD_CONTENT', details: { value: picture } });
    const [row] = await sql<{ owner: string }>(t, `SELECT owner_kind AS owner FROM content.content_items WHERE id = $1`, [picture]);
    expect(row!.owner).toBe('none');
  });
});
