import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { binaryParser, PDF, pngOf, storeSnapshot } from '../aps/content-owners-support.js';
import { auth, createUser, expectPm3Error, type Pm3UserBody, WS } from './pm3-support.js';

/** Seed 003 "Upload User Image": POST /api/1.0/{workspace}/user/{usr_uid}/image-upload, over real HTTP. */
describe('pm3 user image upload', () => {
  let t: TestApp;
  let operator: Pm3UserBody;
  let other: Pm3UserBody;

  const upload = (authorization: string, uid: string, bytes: Buffer, part = 'USR_PHOTO', workspace = WS) =>
    t.http().post(`${workspace}/user/${uid}/image-upload`).set('Authorization', authorization).attach(part, bytes, 'photo.jpg');
  const picture = async (userUid: string) =>
    (await sql<{ contentId: string }>(t, `SELECT content_id::text AS "contentId" FROM content.pictures WHERE owner_kind = 'user' AND owner_id = $1`, [Number(userUid)]))[0];

  beforeAll(async () => {
    t = await startTestApp();
    operator = await createUser(t, 'ida');
    other = await createUser(t, 'jon');
  });

  afterAll(async () => {
    await t.close();
  });

  it('an administrator uploads a user\'s image in a USR_PHOTO part: 200 with an empty body; it becomes the user\'s picture', async () => {
    const res = await upload(t.adminBasic, other.usr_uid, await pngOf(900, 600));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await picture(other.usr_uid)).toBeDefined();
    const served = await t
      .http()
      .get(`/activiti-app/api/enterprise/users/${Number(other.usr_uid)}/picture`)
      .set('Authorization', auth('ida'))
      .buffer(true)
      .parse(binaryParser);
    expect(served.status).toBe(200);
    expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 512, height: 341 });
  });

  it('a part named `file` works too, and a user may change their own image', async () => {
    await upload(auth('ida'), operator.usr_uid, await pngOf(40, 40), 'file').expect(200);
    expect(await picture(operator.usr_uid)).toBeDefined();
  });

  it('an operator changing someone else\'s image: 403 in the pm3 shape; nothing changes', async () => {
    const before = await storeSnapshot(t);
    const kept = await picture(other.usr_uid);
    expectPm3Error(await upload(auth('ida'), other.usr_uid, await pngOf(10, 10)), 403, /^Forbidden: /);
    expect(await storeSnapshot(t)).toEqual(before);
    expect(await picture(other.usr_uid)).toEqual(kept);
  });

  it('unknown user, malformed uid, unknown workspace, not an image, no image part: 400 in the pm3 shape; nothing changes', async () => {
    const before = await storeSnapshot(t);
    const png = await pngOf(10, 10);
    expectPm3Error(await upload(t.adminBasic, '00000000000000000000000000999999', png), 400, /^Bad Request: /);
    expectPm3Error(await upload(t.adminBasic, 'not-a-uid', png), 400, /usr_uid/);
    expectPm3Error(await upload(t.adminBasic, other.usr_uid, png, 'USR_PHOTO', '/api/1.0/nowhere'), 400, /^Bad Request: /);
    expectPm3Error(await upload(t.adminBasic, other.usr_uid, PDF), 400, /PNG, JPEG or GIF/);
    expectPm3Error(await upload(t.adminBasic, other.usr_uid, png, 'photo'), 400, /USR_PHOTO/);
    const path = await t.http().post(`${WS}/user/${other.usr_uid}/image-upload`).set('Authorization', t.adminBasic).field('USR_PHOTO', '/etc/passwd');
    expectPm3Error(path, 400, /USR_PHOTO/);
    expect(await storeSnapshot(t)).toEqual(before);
  });

  it('without credentials: 401', async () => {
    const res = await t.http().post(`${WS}/user/${other.usr_uid}/image-upload`).attach('USR_PHOTO', await pngOf(10, 10), 'x.png');
    expect(res.status).toBe(401);
  });
});
