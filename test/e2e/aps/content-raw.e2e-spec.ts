import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { basic, startTestApp, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';
import { API, APS_DATE, createTenant, createTenantAdmin, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { binary, contentFiles, contentSnapshot, PDF_BYTES, pngImage, renditionsSettled, sha256, uploadRaw } from './content-test-helpers.js';

type Json = Record<string, unknown>;

const LIMIT = 256 * 1024;

describe('aps content: content/raw uploads, metadata, bytes, thumbnails, delete', () => {
  let t: TestApp;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let admin: CreatedUser;
  let foreignAuth: string;
  const http = () => t.http();

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: String(LIMIT) });
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t, { firstName: 'Bob', lastName: 'Baker' });
    admin = await createTenantAdmin(t);
    const tenantId = await createTenant(t, 'Elsewhere');
    await insertUser(t, { username: 'foreigner', password: 'foreigner-pw-1', tenantId });
    foreignAuth = basic('foreigner', 'foreigner-pw-1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('uploads an image: the content object, the same bytes back, a thumbnail within seconds, then delete removes row and bytes', async () => {
    const png = await pngImage(640, 480);
    const res = await uploadRaw(t, alice.auth, png, 'holiday photo.png', 'image/png').expect(200);
    const body = res.body as Json;
    expect(body).toEqual({
      id: expect.any(Number),
      name: 'holiday photo.png',
      created: expect.stringMatching(APS_DATE),
      createdBy: { id: alice.id, firstName: 'Alice', lastName: 'Archer', email: alice.email, pictureId: null },
      relatedContent: false,
      contentAvailable: true,
      link: false,
      mimeType: 'image/png',
      simpleType: 'image',
      previewStatus: 'queued',
      thumbnailStatus: 'queued',
    });
    const id = body.id as number;
    const [row] = await sql(t, `SELECT size_bytes::int AS size, sha256, owner_kind, store_key FROM content.content_items WHERE id = $1`, [id]);
    expect(row).toEqual({ size: png.length, sha256: sha256(png), owner_kind: 'none', store_key: expect.stringMatching(/^content\/1\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/) });

    const raw = await http().get(`${API}/content/${id}/raw`).set('Authorization', alice.auth).buffer(true).parse(binary).expect(200);
    expect(sha256(raw.body as Buffer)).toBe(sha256(png));
    expect(raw.headers['content-type']).toBe('image/png');
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
    expect(raw.headers['content-disposition']).toMatch(/^inline; filename="holiday photo.png"/);
    expect(raw.headers['content-length']).toBe(String(png.length));
    expect(raw.headers.etag).toBe(`"${sha256(png)}"`);

    const settled = await renditionsSettled(t, alice.auth, id);
    expect(settled).toEqual({ ...body, previewStatus: 'created', thumbnailStatus: 'created' });
    const thumb = await http().get(`${API}/content/${id}/rendition/thumbnail`).set('Authorization', alice.auth).buffer(true).parse(binary).expect(200);
    expect(thumb.headers['content-type']).toBe('image/png');
    const meta = await sharp(thumb.body as Buffer).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 200, height: 150 });
    expect(contentFiles(t).filter((f) => f.startsWith(row!.store_key as string))).toHaveLength(2);

    await http().delete(`${API}/content/${id}`).set('Authorization', alice.auth).expect(200);
    expectApsError((await http().get(`${API}/content/${id}`).set('Authorization', alice.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
    await http().get(`${API}/content/${id}/raw`).set('Authorization', alice.auth).expect(404);
    expect(await sql(t, `SELECT id FROM content.content_items WHERE id = $1`, [id])).toEqual([]);
    expect(contentFiles(t).filter((f) => f.startsWith(row!.store_key as string))).toEqual([]);
  });

  it('detects the type from the bytes: a PDF declared as PNG is a PDF (inline), HTML declared as an image is text served as an attachment', async () => {
    const pdf = (await uploadRaw(t, alice.auth, PDF_BYTES, 'scan.png', 'image/png').expect(200)).body as Json;
    expect(pdf).toEqual(expect.objectContaining({ name: 'scan.png', mimeType: 'application/pdf', simpleType: 'pdf' }));
    const pdfRaw = await http().get(`${API}/content/${pdf.id}/raw`).set('Authorization', alice.auth).buffer(true).parse(binary).expect(200);
    expect(pdfRaw.headers['content-type']).toBe('application/pdf');
    expect(pdfRaw.headers['content-disposition']).toMatch(/^inline;/);
    expect(await renditionsSettled(t, alice.auth, pdf.id as number)).toEqual(expect.objectContaining({ previewStatus: 'unsupported', thumbnailStatus: 'unsupported' }));
    await http().get(`${API}/content/${pdf.id}/rendition/thumbnail`).set('Authorization', alice.auth).expect(404);

    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
    const page = (await uploadRaw(t, alice.auth, html, 'cat.png', 'image/png').expect(200)).body as Json;
    expect(page).toEqual(expect.objectContaining({ mimeType: 'text/plain', simpleType: 'text' }));
    const pageRaw = await http().get(`${API}/content/${page.id}/raw`).set('Authorization', alice.auth).buffer(true).parse(binary).expect(200);
    expect(pageRaw.headers['content-type']).toMatch(/^text\/plain/);
    expect(pageRaw.headers['x-content-type-options']).toBe('nosniff');
    expect(pageRaw.headers['content-disposition']).toMatch(/^attachment; filename="cat.png"/);
    expect((pageRaw.body as Buffer).equals(html)).toBe(true);

    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);
    const exe = (await uploadRaw(t, alice.auth, elf, 'photo.jpg', 'image/jpeg').expect(200)).body as Json;
    expect(exe).toEqual(expect.objectContaining({ mimeType: 'application/x-elf', simpleType: 'content' }));
    const exeRaw = await http().get(`${API}/content/${exe.id}/raw`).set('Authorization', alice.auth).expect(200);
    expect(exeRaw.headers['content-disposition']).toMatch(/^attachment;/);
    expect(await renditionsSettled(t, alice.auth, exe.id as number)).toEqual(expect.objectContaining({ thumbnailStatus: 'unsupported' }));
  });

  it('keeps only the last segment of a path-traversal name, and stores the bytes under a random key', async () => {
    const res = await uploadRaw(t, alice.auth, Buffer.from('root:x:0:0\n'), '../../etc/passwd', 'text/plain').expect(200);
    expect((res.body as Json).name).toBe('passwd');
    const [row] = await sql(t, `SELECT store_key FROM content.content_items WHERE id = $1`, [(res.body as Json).id]);
    expect(row!.store_key).not.toMatch(/passwd|etc|\.\./);
    expect(contentFiles(t).some((f) => /passwd/.test(f))).toBe(false);
    const windows = await uploadRaw(t, alice.auth, Buffer.from('x'), 'C:\\Users\\a\\notes.txt', 'text/plain').expect(200);
    expect((windows.body as Json).name).toBe('notes.txt');
  });

  it('a corrupt image gets thumbnailStatus error; the bytes are still served', async () => {
    const png = await pngImage(50, 50);
    const corrupt = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]);
    const id = ((await uploadRaw(t, alice.auth, corrupt, 'broken.png').expect(200)).body as Json).id as number;
    expect(await renditionsSettled(t, alice.auth, id)).toEqual(expect.objectContaining({ mimeType: 'image/png', previewStatus: 'created', thumbnailStatus: 'error' }));
    expectApsError((await http().get(`${API}/content/${id}/rendition/thumbnail`).set('Authorization', alice.auth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
    await http().get(`${API}/content/${id}/raw`).set('Authorization', alice.auth).expect(200);
  });

  it('isRelatedContent=true is kept; a value other than true/false is a 400', async () => {
    const res = await uploadRaw(t, alice.auth, Buffer.from('hello'), 'a.txt', 'text/plain', '?isRelatedContent=true').expect(200);
    expect((res.body as Json).relatedContent).toBe(true);
    const before = await contentSnapshot(t);
    expectApsError((await uploadRaw(t, alice.auth, Buffer.from('hello'), 'a.txt', 'text/plain', '?isRelatedContent=yes').expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'isRelatedContent');
    expect(await contentSnapshot(t)).toEqual(before);
  });

  it('serves HEAD and one byte range (206), and 416 beyond the end', async () => {
    const bytes = Buffer.from('0123456789abcdefghij');
    const id = ((await uploadRaw(t, alice.auth, bytes, 'digits.txt').expect(200)).body as Json).id as number;
    const part = await http().get(`${API}/content/${id}/raw`).set('Authorization', alice.auth).set('Range', 'bytes=5-9').buffer(true).parse(binary).expect(206);
    expect((part.body as Buffer).toString()).toBe('56789');
    expect(part.headers['content-range']).toBe('bytes 5-9/20');
    const tail = await http().get(`${API}/content/${id}/raw`).set('Authorization', alice.auth).set('Range', 'bytes=-3').buffer(true).parse(binary).expect(206);
    expect((tail.body as Buffer).toString()).toBe('hij');
    const beyond = await http().get(`${API}/content/${id}/raw`).set('Authorization', alice.auth).set('Range', 'bytes=50-').expect(416);
    expect(beyond.headers['content-range']).toBe('bytes */20');
    const head = await http().head(`${API}/content/${id}/raw`).set('Authorization', alice.auth).expect(200);
    expect(head.headers['content-length']).toBe('20');
  });

  describe('bad uploads change nothing', () => {
    it('a zero-byte file: 400, no row, no bytes', async () => {
      const before = await contentSnapshot(t);
      expectApsError((await uploadRaw(t, alice.auth, Buffer.alloc(0), 'empty.txt').expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      expect(await contentSnapshot(t)).toEqual(before);
    });

    it('a file over MAX_UPLOAD_BYTES: 413 while streaming, the partial bytes removed, no row', async () => {
      const before = await contentSnapshot(t);
      const res = await uploadRaw(t, alice.auth, Buffer.alloc(LIMIT + 100 * 1024, 1), 'big.bin').expect(413);
      expectApsError(res.body, 'GENERAL.ERROR.PAYLOAD-TOO-LARGE', 'file');
      expect(await contentSnapshot(t)).toEqual(before);
      // Exactly the limit is fine.
      await uploadRaw(t, alice.auth, Buffer.alloc(LIMIT, 1), 'exact.bin').expect(200);
    });

    it('a body whose Content-Length is far over the limit: 413 before parsing', async () => {
      const before = await contentSnapshot(t);
      expectApsError((await uploadRaw(t, alice.auth, Buffer.alloc(LIMIT + 2 * 1024 * 1024, 1), 'huge.bin').expect(413)).body, 'GENERAL.ERROR.PAYLOAD-TOO-LARGE');
      expect(await contentSnapshot(t)).toEqual(before);
    });

    it('no file part, a JSON body, a name that is only a path: 400', async () => {
      const before = await contentSnapshot(t);
      const noFile = await http().post(`${API}/content/raw`).set('Authorization', alice.auth).field('name', 'x.txt').expect(400);
      expectApsError(noFile.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      const json = await http().post(`${API}/content/raw`).set('Authorization', alice.auth).send({ name: 'x' }).expect(400);
      expectApsError(json.body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      expectApsError((await uploadRaw(t, alice.auth, Buffer.from('x'), '../..').expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'file');
      const broken = await http()
        .post(`${API}/content/raw`)
        .set('Authorization', alice.auth)
        .set('Content-Type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhalf a file');
      expect(broken.status).toBe(400);
      expect(await contentSnapshot(t)).toEqual(before);
    });

    it('without credentials: 401, nothing stored', async () => {
      const before = await contentSnapshot(t);
      await http().post(`${API}/content/raw`).attach('file', Buffer.from('x'), 'a.txt').expect(401);
      expect(await contentSnapshot(t)).toEqual(before);
    });
  });

  describe('access to unowned content', () => {
    let id: number;
    beforeAll(async () => {
      id = ((await uploadRaw(t, alice.auth, Buffer.from('private notes'), 'notes.txt').expect(200)).body as Json).id as number;
    });

    it('its creator and tenant admins see it; another user of the tenant gets 403; another tenant 404', async () => {
      await http().get(`${API}/content/${id}`).set('Authorization', alice.auth).expect(200);
      await http().get(`${API}/content/${id}`).set('Authorization', admin.auth).expect(200);
      await http().get(`${API}/content/${id}/raw`).set('Authorization', admin.auth).expect(200);
      expectApsError((await http().get(`${API}/content/${id}`).set('Authorization', bob.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');
      await http().get(`${API}/content/${id}/raw`).set('Authorization', bob.auth).expect(403);
      await http().get(`${API}/content/${id}/rendition/thumbnail`).set('Authorization', bob.auth).expect(403);
      expectApsError((await http().get(`${API}/content/${id}`).set('Authorization', foreignAuth).expect(404)).body, 'GENERAL.ERROR.NOT-FOUND');
      await http().get(`${API}/content/${id}/raw`).set('Authorization', foreignAuth).expect(404);
    });

    it('others cannot delete it (403 / 404), nothing changes; malformed and unknown ids: 400 and 404', async () => {
      const before = await contentSnapshot(t);
      await http().delete(`${API}/content/${id}`).set('Authorization', bob.auth).expect(403);
      await http().delete(`${API}/content/${id}`).set('Authorization', foreignAuth).expect(404);
      expectApsError((await http().get(`${API}/content/abc`).set('Authorization', alice.auth).expect(400)).body, 'GENERAL.ERROR.BAD-REQUEST', 'contentId');
      await http().delete(`${API}/content/-1`).set('Authorization', alice.auth).expect(400);
      await http().get(`${API}/content/99999999999999999999/raw`).set('Authorization', alice.auth).expect(400);
      await http().get(`${API}/content/999999`).set('Authorization', alice.auth).expect(404);
      await http().get(`${API}/content/${id}/rendition/preview`).set('Authorization', alice.auth).expect(404);
      expect(await contentSnapshot(t)).toEqual(before);
      // A tenant admin may.
      await http().delete(`${API}/content/${id}`).set('Authorization', admin.auth).expect(200);
      await http().get(`${API}/content/${id}`).set('Authorization', alice.auth).expect(404);
    });
  });
});
