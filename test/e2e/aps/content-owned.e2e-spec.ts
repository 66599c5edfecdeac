import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ContentApi, type ContentAccess, type ContentOwner, type ContentOwnerPolicy } from '../../../src/content/index.js';
import type { Principal } from '../../../src/identity/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { API, createUser, type CreatedUser, expectApsError } from './aps-test-helpers.js';
import { contentSnapshot, uploadRaw } from './content-test-helpers.js';

type Json = Record<string, unknown>;

/** A small stand-in for the engine's policy: instance 1001 is readable by alice and bob, writable by alice; instance 404 does not exist. */
class TestPolicy implements ContentOwnerPolicy {
  constructor(
    private readonly readers: Set<string>,
    private readonly writers: Set<string>,
  ) {}

  private decide(actor: Principal, owner: ContentOwner, who: Set<string>): ContentAccess {
    if (owner.kind === 'none') return 'allowed';
    if (owner.processInstanceId !== '1001') return 'not-found';
    return who.has(actor.userId) ? 'allowed' : 'forbidden';
  }
  async canRead(actor: Principal, owner: ContentOwner): Promise<ContentAccess> {
    return this.decide(actor, owner, this.readers);
  }
  async canWrite(actor: Principal, owner: ContentOwner): Promise<ContentAccess> {
    return this.decide(actor, owner, this.writers);
  }
  async taskOwner(): Promise<ContentOwner | 'not-found'> {
    return 'not-found';
  }
}

describe('aps content owned by a process instance or task (through the registered owner policy), and ContentApi', () => {
  let t: TestApp;
  let api: ContentApi;
  let alice: CreatedUser;
  let bob: CreatedUser;
  let carol: CreatedUser;
  const http = () => t.http();
  const instance: ContentOwner = { kind: 'process-instance', processInstanceId: '1001' };
  const upload = async (who: CreatedUser, name: string): Promise<string> => String(((await uploadRaw(t, who.auth, Buffer.from(`bytes of ${name}`), name).expect(200)).body as Json).id);

  beforeAll(async () => {
    t = await startTestApp();
    api = t.app.get(ContentApi);
    alice = await createUser(t, { firstName: 'Alice', lastName: 'Archer' });
    bob = await createUser(t);
    carol = await createUser(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('claimed uploads become field content of the owner; without a registered policy owned content is 404, with one it follows the policy', async () => {
    const id = await upload(alice, 'form-upload.txt');
    await api.claimFieldContent({ tenantId: '1', userId: String(alice.id), contentIds: [id], owner: instance });
    const [row] = await sql(t, `SELECT owner_kind, process_instance_id::text AS pi, task_id, related_content FROM content.content_items WHERE id = $1`, [id]);
    expect(row).toEqual({ owner_kind: 'process-instance', pi: '1001', task_id: null, related_content: false });
    const [event] = await sql(t, `SELECT payload FROM platform.outbox WHERE event_type = 'content.content.attached' AND payload->>'contentId' = $1 AND payload->>'processInstanceId' = '1001'`, [id]);
    expect(event?.payload).toEqual(expect.objectContaining({ contentId: id, processInstanceId: '1001', taskId: null, relatedContent: false, createdBy: String(alice.id) }));

    // No policy registered yet: the owner cannot be judged, so the content does not exist for anyone.
    await http().get(`${API}/content/${id}`).set('Authorization', alice.auth).expect(404);

    api.registerOwnerPolicy(new TestPolicy(new Set([String(alice.id), String(bob.id)]), new Set([String(alice.id)])));
    const got = (await http().get(`${API}/content/${id}`).set('Authorization', alice.auth).expect(200)).body as Json;
    expect(got).toEqual(expect.objectContaining({ id: Number(id), processInstanceId: '1001', relatedContent: false }));
    expect(got).not.toHaveProperty('taskId');
    await http().get(`${API}/content/${id}/raw`).set('Authorization', bob.auth).expect(200);
    expectApsError((await http().get(`${API}/content/${id}`).set('Authorization', carol.auth).expect(403)).body, 'GENERAL.ERROR.FORBIDDEN');

    // Reading is not writing: bob may read but not delete; carol may do neither.
    const before = await contentSnapshot(t);
    await http().delete(`${API}/content/${id}`).set('Authorization', bob.auth).expect(403);
    await http().delete(`${API}/content/${id}`).set('Authorization', carol.auth).expect(403);
    expect(await contentSnapshot(t)).toEqual(before);
    await http().delete(`${API}/content/${id}`).set('Authorization', alice.auth).expect(200);
    await http().get(`${API}/content/${id}`).set('Authorization', alice.auth).expect(404);
    expect(await sql(t, `SELECT id FROM content.content_items WHERE id = $1`, [id])).toEqual([]);
  });

  it('claimFieldContent refuses (400 naming the id, nothing changed) what is not the submitter\'s own upload or already the owner\'s', async () => {
    const mine = await upload(alice, 'mine.txt');
    const bobs = await upload(bob, 'bobs.txt');
    const elsewhere = await upload(alice, 'elsewhere.txt');
    await api.claimFieldContent({ tenantId: '1', userId: String(alice.id), contentIds: [elsewhere], owner: { kind: 'task', taskId: '77', processInstanceId: null } });
    const before = await contentSnapshot(t);
    const owners = async () => sql(t, `SELECT id::text, owner_kind, process_instance_id::text, task_id::text FROM content.content_items ORDER BY id`);
    const ownersBefore = await owners();
    for (const [ids, bad] of [
      [[mine, bobs], bobs],
      [[mine, '999999'], '999999'],
      [[mine, elsewhere], elsewhere],
      [[mine, 'abc'], 'abc'],
    ] as const) {
      await expect(api.claimFieldContent({ tenantId: '1', userId: String(alice.id), contentIds: ids, owner: instance })).rejects.toMatchObject({
        kind: 'validation',
        code: 'CONTENT.FIELD_CONTENT',
        details: { field: 'contentIds', value: bad },
      });
    }
    // Another tenant's submitter cannot claim this tenant's content either.
    await expect(api.claimFieldContent({ tenantId: '2', userId: String(alice.id), contentIds: [mine], owner: instance })).rejects.toMatchObject({ code: 'CONTENT.FIELD_CONTENT' });
    expect(await contentSnapshot(t)).toEqual(before);
    expect(await owners()).toEqual(ownersBefore);

    // Claiming again what already belongs to the owner is fine (a resubmitted form), and so is the empty list.
    await api.claimFieldContent({ tenantId: '1', userId: String(alice.id), contentIds: [mine], owner: instance });
    await api.claimFieldContent({ tenantId: '1', userId: String(bob.id), contentIds: [mine], owner: instance });
    await api.claimFieldContent({ tenantId: '1', userId: String(alice.id), contentIds: [], owner: instance });
    const [task] = await sql(t, `SELECT owner_kind, task_id::text AS task FROM content.content_items WHERE id = $1`, [elsewhere]);
    expect(task).toEqual({ owner_kind: 'task', task: '77' });
  });

  it('summaries answer in the order asked and leave out unknown ids and other tenants\' content', async () => {
    const a = await upload(alice, 'a.txt');
    const b = await upload(bob, 'b.txt');
    const summaries = await api.summaries('1', [b, '999999', a, 'junk']);
    // A fresh upload: bytes present, no link, field content; its renditions are made after commit (any status).
    const fresh = { created: expect.any(Date), relatedContent: false, link: false, contentAvailable: true, previewStatus: expect.any(String), thumbnailStatus: expect.any(String) };
    expect(summaries).toEqual([
      { id: b, name: 'b.txt', mimeType: 'text/plain', simpleType: 'text', size: 14, createdBy: String(bob.id), processInstanceId: null, taskId: null, ...fresh },
      { id: a, name: 'a.txt', mimeType: 'text/plain', simpleType: 'text', size: 14, createdBy: String(alice.id), processInstanceId: null, taskId: null, ...fresh },
    ]);
    expect(await api.summaries('2', [a, b])).toEqual([]);
  });
});
