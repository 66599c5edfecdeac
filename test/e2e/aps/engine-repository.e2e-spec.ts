import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';
import { deployBpmn, ENGINE_API, oneTaskBpmn, startInProcess } from '../../support/engine.js';
import { APS_DATE, createTenantAdmin, createUser, type CreatedUser } from './aps-test-helpers.js';

const DEPLOYMENTS = `${ENGINE_API}/repository/deployments`;
const DEFINITIONS = `${ENGINE_API}/repository/process-definitions`;

interface Counts {
  deployments: number;
  resources: number;
  definitions: number;
}

async function counts(t: TestApp): Promise<Counts> {
  const [row] = await sql<Counts>(
    t,
    `SELECT (SELECT count(*)::int FROM process_engine.deployments) AS deployments,
            (SELECT count(*)::int FROM process_engine.deployment_resources) AS resources,
            (SELECT count(*)::int FROM process_engine.process_definitions) AS definitions`,
  );
  return row!;
}

const NS = `xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://x"`;

const BAD: Record<string, string> = {
  'not XML': 'this is not XML at all {}',
  'XML that is not BPMN': '<?xml version="1.0"?><html><body><p>hello</p></body></html>',
  'an XXE attempt': `<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<definitions ${NS}><process id="xxe" name="&xxe;"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process></definitions>`,
  'a billion laughs': `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<definitions ${NS}><process id="lol" name="&lol5;"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process></definitions>`,
  'no start event': `<?xml version="1.0"?><definitions ${NS}><process id="nostart"><userTask id="t"/><sequenceFlow id="f" sourceRef="t" targetRef="e"/><endEvent id="e"/></process></definitions>`,
  'a flow to an unknown element': `<?xml version="1.0"?><definitions ${NS}><process id="dangling"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="nowhere"/></process></definitions>`,
};

describe('Activiti engine subset: repository/deployments and repository/process-definitions', () => {
  let t: TestApp;
  let user: CreatedUser;
  let tenantAdmin: CreatedUser;

  beforeAll(async () => {
    t = await startTestApp();
    user = await createUser(t);
    tenantAdmin = await createTenantAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('deploys a multipart .bpmn20.xml file: 201 with the Activiti deployment JSON, and its definition', async () => {
    const res = await t
      .http()
      .post(DEPLOYMENTS)
      .set('Authorization', t.adminBasic)
      .field('deploymentName', 'Invoices')
      .field('category', 'finance')
      .attach('file', Buffer.from(oneTaskBpmn('invoice', 'Invoice approval')), 'invoice.bpmn20.xml');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: 'Invoices',
      deploymentTime: expect.stringMatching(APS_DATE),
      category: 'finance',
      url: `${t.baseUrl}${DEPLOYMENTS}/${res.body.id}`,
      tenantId: '1',
    });
    const id = res.body.id as string;

    const defs = await t.http().get(DEFINITIONS).query({ deploymentId: id }).set('Authorization', user.auth);
    expect(defs.status).toBe(200);
    expect(defs.body).toEqual({ data: [expect.any(Object)], total: 1, start: 0, sort: 'name', order: 'asc', size: 1 });
    const def = defs.body.data[0];
    expect(def).toEqual({
      id: `invoice:1:${id}`,
      url: `${t.baseUrl}${DEFINITIONS}/${encodeURIComponent(`invoice:1:${id}`)}`,
      key: 'invoice',
      version: 1,
      name: 'Invoice approval',
      description: null,
      deploymentId: id,
      deploymentUrl: `${t.baseUrl}${DEPLOYMENTS}/${id}`,
      resource: `${t.baseUrl}${DEPLOYMENTS}/${id}/resources/invoice.bpmn20.xml`,
      diagramResource: null,
      category: 'finance',
      graphicalNotationDefined: false,
      suspended: false,
      startFormDefined: false,
      tenantId: '1',
    });

    const one = await t.http().get(`${DEFINITIONS}/invoice:1:${id}`).set('Authorization', user.auth);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(def);

    const xml = await t.http().get(`${DEFINITIONS}/invoice:1:${id}/resourcedata`).set('Authorization', user.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect((xml.body as Buffer).toString('utf8')).toBe(oneTaskBpmn('invoice', 'Invoice approval'));

    const dep = await t.http().get(`${DEPLOYMENTS}/${id}`).set('Authorization', user.auth);
    expect(dep.status).toBe(200);
    expect(dep.body).toEqual(res.body);
  });

  it('lists and serves the resources of a deployment, the URLs of the definition JSON included (non-ASCII names too)', async () => {
    const name = 'Überweisung.bpmn20.xml';
    const res = await t
      .http()
      .post(DEPLOYMENTS)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(oneTaskBpmn('withResources')), name)
      .attach('file', Buffer.from('{"key":"f"}'), 'form.json');
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const list = await t.http().get(`${DEPLOYMENTS}/${id}/resources`).set('Authorization', user.auth);
    expect(list.status).toBe(200);
    const base = `${t.baseUrl}${DEPLOYMENTS}/${id}`;
    expect(list.body).toEqual([
      { id: 'form.json', url: `${base}/resources/form.json`, contentUrl: `${base}/resourcedata/form.json`, mediaType: 'application/json', type: 'resource' },
      {
        id: name,
        url: `${base}/resources/${encodeURIComponent(name)}`,
        contentUrl: `${base}/resourcedata/${encodeURIComponent(name)}`,
        mediaType: 'text/xml',
        type: 'processDefinition',
      },
    ]);
    const defs = await t.http().get(DEFINITIONS).query({ deploymentId: id }).set('Authorization', user.auth);
    const resourceUrl = new URL(defs.body.data[0].resource as string);
    const one = await t.http().get(resourceUrl.pathname).set('Authorization', user.auth);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(list.body[1]);
    const bytes = await t.http().get(new URL(one.body.contentUrl as string).pathname).set('Authorization', user.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-disposition']).toBe(`inline; filename="_berweisung.bpmn20.xml"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect((bytes.body as Buffer).toString('utf8')).toBe(oneTaskBpmn('withResources'));
    const defXml = await t.http().get(`${DEFINITIONS}/${encodeURIComponent(defs.body.data[0].id as string)}/resourcedata`).set('Authorization', user.auth);
    expect(defXml.status).toBe(200);
    expect((await t.http().get(`${base.replace(t.baseUrl, '')}/resources/nope.xml`).set('Authorization', user.auth)).status).toBe(404);
    expect((await t.http().get(`${DEPLOYMENTS}/999999/resources`).set('Authorization', user.auth)).status).toBe(404);
  });

  it('versions definitions per key: redeploying gives version 2; latest=true lists only the newest', async () => {
    const a = await deployBpmn(t, oneTaskBpmn('versioned'));
    const b = await deployBpmn(t, oneTaskBpmn('versioned'));
    expect(a.definitions).toEqual([{ id: `versioned:1:${a.deploymentId}`, key: 'versioned', version: 1, name: 'One task' }]);
    expect(b.definitions).toEqual([{ id: `versioned:2:${b.deploymentId}`, key: 'versioned', version: 2, name: 'One task' }]);
    const all = await t.http().get(DEFINITIONS).query({ key: 'versioned', sort: 'version', order: 'desc' }).set('Authorization', t.adminBasic);
    expect(all.body.data.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    const latest = await t.http().get(DEFINITIONS).query({ key: 'versioned', latest: 'true' }).set('Authorization', t.adminBasic);
    expect(latest.body.total).toBe(1);
    expect(latest.body.data[0].id).toBe(`versioned:2:${b.deploymentId}`);
  });

  it('concurrent deployments of one key get distinct versions', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => deployBpmn(t, oneTaskBpmn('racing'))));
    const versions = results.map((r) => r.definitions[0]!.version).sort((x, y) => x - y);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lists deployments with Activiti paging, filters and sort', async () => {
    await deployBpmn(t, oneTaskBpmn('listed1'), 'listed-a.bpmn');
    await deployBpmn(t, oneTaskBpmn('listed2'), 'listed-b.bpmn');
    const res = await t.http().get(DEPLOYMENTS).query({ nameLike: 'listed-%', sort: 'name', order: 'desc', size: 1 }).set('Authorization', user.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, start: 0, sort: 'name', order: 'desc', size: 1 });
    expect(res.body.data.map((d: { name: string }) => d.name)).toEqual(['listed-b.bpmn']);
    const second = await t.http().get(DEPLOYMENTS).query({ nameLike: 'listed-%', sort: 'name', order: 'desc', size: 1, start: 1 }).set('Authorization', user.auth);
    expect(second.body.data.map((d: { name: string }) => d.name)).toEqual(['listed-a.bpmn']);
    expect(second.body.start).toBe(1);
    const bad = await t.http().get(DEPLOYMENTS).query({ sort: 'password' }).set('Authorization', user.auth);
    expect(bad.status).toBe(400);
  });

  for (const [what, xml] of Object.entries(BAD)) {
    it(`refuses ${what}: 400 ENGINE.INVALID_BPMN, nothing stored`, async () => {
      const before = await counts(t);
      const res = await t.http().post(DEPLOYMENTS).set('Authorization', t.adminBasic).attach('file', Buffer.from(xml), 'bad.bpmn20.xml');
      expect(res.status).toBe(400);
      expect(res.body).toEqual(expect.objectContaining({ message: expect.stringMatching(/^Invalid BPMN: .+/), code: 'ENGINE.INVALID_BPMN' }));
      expect(JSON.stringify(res.body)).not.toContain('root:');
      expect(await counts(t)).toEqual(before);
    });
  }

  it('refuses 10 MB of nesting without falling over: 400, nothing stored', async () => {
    const before = await counts(t);
    const depth = 1_250_000;
    const xml = `<?xml version="1.0"?><definitions ${NS}><process id="deep"><startEvent id="s"/>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</process></definitions>`;
    expect(xml.length).toBeGreaterThan(8_000_000);
    const res = await t.http().post(DEPLOYMENTS).set('Authorization', t.adminBasic).attach('file', Buffer.from(xml), 'deep.bpmn');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ENGINE.INVALID_BPMN');
    expect(await counts(t)).toEqual(before);
  });

  it('rejects the whole deployment when one of several files is bad, listing problems of every file', async () => {
    const before = await counts(t);
    const res = await t
      .http()
      .post(DEPLOYMENTS)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(oneTaskBpmn('goodOne')), 'good.bpmn')
      .attach('file', Buffer.from(BAD['no start event']!), 'nostart.bpmn')
      .attach('file', Buffer.from(BAD['not XML']!), 'garbage.bpmn20.xml');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('nostart.bpmn');
    expect(res.body.message).toContain('garbage.bpmn20.xml');
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a file sent twice and names over 255 characters (process, task): 400, nothing stored', async () => {
    const before = await counts(t);
    const twice = await t
      .http()
      .post(DEPLOYMENTS)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(oneTaskBpmn('twiceA')), 'same.bpmn')
      .attach('file', Buffer.from(oneTaskBpmn('twiceB')), 'same.bpmn');
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain("File 'same.bpmn' is sent twice");
    const long = await t.http().post(DEPLOYMENTS).set('Authorization', t.adminBasic).attach('file', Buffer.from(oneTaskBpmn('longName', 'n'.repeat(300))), 'long.bpmn');
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('Process name is longer than 255 characters');
    const longTask = await t
      .http()
      .post(DEPLOYMENTS)
      .set('Authorization', t.adminBasic)
      .attach('file', Buffer.from(oneTaskBpmn('longTask').replace('name="Do it"', `name="${'t'.repeat(256)}"`)), 'long-task.bpmn');
    expect(longTask.status).toBe(400);
    expect(longTask.body.message).toContain('[task] Name is longer than 255 characters');
    expect(await counts(t)).toEqual(before);
  });

  it('answers 400 without a file part, or with no BPMN file among the parts', async () => {
    const before = await counts(t);
    const none = await t.http().post(DEPLOYMENTS).set('Authorization', t.adminBasic).field('deploymentName', 'x');
    expect(none.status).toBe(400);
    const png = await t.http().post(DEPLOYMENTS).set('Authorization', t.adminBasic).attach('file', Buffer.from('PNG'), 'image.png');
    expect(png.status).toBe(400);
    expect(png.body.code).toBe('ENGINE.NO_BPMN_RESOURCE');
    expect(await counts(t)).toEqual(before);
  });

  it('deploying needs an admin (403 for others); tenant admins may; another tenant needs tenant-mgmt', async () => {
    const before = await counts(t);
    const denied = await t.http().post(DEPLOYMENTS).set('Authorization', user.auth).attach('file', Buffer.from(oneTaskBpmn('denied')), 'd.bpmn');
    expect(denied.status).toBe(403);
    expect(await counts(t)).toEqual(before);
    const ok = await t.http().post(DEPLOYMENTS).set('Authorization', tenantAdmin.auth).attach('file', Buffer.from(oneTaskBpmn('byTenantAdmin')), 'd.bpmn');
    expect(ok.status).toBe(201);
    const foreign = await t
      .http()
      .post(DEPLOYMENTS)
      .set('Authorization', tenantAdmin.auth)
      .field('tenantId', '999')
      .attach('file', Buffer.from(oneTaskBpmn('foreign')), 'd.bpmn');
    expect(foreign.status).toBe(403);
    const listForeign = await t.http().get(DEFINITIONS).query({ tenantId: '999' }).set('Authorization', user.auth);
    expect(listForeign.status).toBe(403);
    const byKey = await t.http().get(DEFINITIONS).query({ tenantId: 'workflow', key: 'byTenantAdmin' }).set('Authorization', user.auth);
    expect(byKey.status).toBe(200);
    expect(byKey.body.total).toBe(1);
  });

  it('answers 404 for unknown definitions and deployments, 400 for malformed ids', async () => {
    expect((await t.http().get(`${DEFINITIONS}/nope:1:999999`).set('Authorization', user.auth)).status).toBe(404);
    expect((await t.http().get(`${DEFINITIONS}/nope:1:999999/resourcedata`).set('Authorization', user.auth)).status).toBe(404);
    expect((await t.http().get(`${DEFINITIONS}/not-an-id`).set('Authorization', user.auth)).status).toBe(400);
    expect((await t.http().get(`${DEPLOYMENTS}/999999`).set('Authorization', user.auth)).status).toBe(404);
    expect((await t.http().get(`${DEPLOYMENTS}/abc`).set('Authorization', user.auth)).status).toBe(400);
    expect((await t.http().delete(`${DEPLOYMENTS}/999999`).set('Authorization', t.adminBasic)).status).toBe(404);
  });

  it('deletes a deployment: 409 while instances run, 204 with cascade=true; non-admins 403', async () => {
    const d = await deployBpmn(t, oneTaskBpmn('deletable'));
    const instanceId = await startInProcess(t, 1, d.definitions[0]!.id);
    expect((await t.http().delete(`${DEPLOYMENTS}/${d.deploymentId}`).set('Authorization', user.auth)).status).toBe(403);
    const busy = await t.http().delete(`${DEPLOYMENTS}/${d.deploymentId}`).set('Authorization', t.adminBasic);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('ENGINE.DEPLOYMENT_IN_USE');
    expect((await t.http().get(`${DEPLOYMENTS}/${d.deploymentId}`).set('Authorization', t.adminBasic)).status).toBe(200);
    const gone = await t.http().delete(`${DEPLOYMENTS}/${d.deploymentId}`).query({ cascade: 'true' }).set('Authorization', t.adminBasic);
    expect(gone.status).toBe(204);
    expect((await t.http().get(`${DEPLOYMENTS}/${d.deploymentId}`).set('Authorization', t.adminBasic)).status).toBe(404);
    expect(await sql(t, `SELECT 1 FROM process_engine.process_instances WHERE id = $1`, [instanceId])).toEqual([]);
    expect(await sql(t, `SELECT 1 FROM process_engine.process_definitions WHERE deployment_id = $1`, [d.deploymentId])).toEqual([]);

    const idle = await deployBpmn(t, oneTaskBpmn('idle'));
    expect((await t.http().delete(`${DEPLOYMENTS}/${idle.deploymentId}`).set('Authorization', t.adminBasic)).status).toBe(204);
  });

  it('requires credentials', async () => {
    expect((await t.http().get(DEPLOYMENTS)).status).toBe(401);
    expect((await t.http().get(DEFINITIONS)).status).toBe(401);
  });
});

describe('Activiti engine subset: upload limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: '4096' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 413 for a file over MAX_UPLOAD_BYTES, nothing stored', async () => {
    const big = oneTaskBpmn('big').replace('<documentation>Please do it</documentation>', `<documentation>${'x'.repeat(8000)}</documentation>`);
    const res = await t.http().post(DEPLOYMENTS).set('Authorization', t.adminBasic).attach('file', Buffer.from(big), 'big.bpmn');
    expect(res.status).toBe(413);
    expect(await counts(t)).toEqual({ deployments: 0, resources: 0, definitions: 0 });
  });
});
