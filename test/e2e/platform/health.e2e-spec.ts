import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/app.js';

describe('platform: health, metrics and error shapes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /health answers ok with a database round trip, without authentication', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: { status: 'up', latencyMs: expect.any(Number) } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const ok = await t.http().get('/health').set('X-Request-Id', 'abc-123');
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const bad = await t.http().get('/health').set('X-Request-Id', 'a b<script>');
    expect(bad.headers['x-request-id']).not.toBe('a b<script>');
  });

  it('GET /metrics serves Prometheus text with the request histogram', async () => {
    await t.http().get('/health');
    const res = await t.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('meridian_http_request_duration_seconds_bucket');
    expect(res.text).toContain('meridian_process_cpu_user_seconds_total');
    // The outbox backlog, read from the database at scrape time (the dispatcher is wired in).
    expect(res.text).toMatch(/meridian_outbox_rows\{status="pending"\} \d+/);
  });

  it('answers an unknown route in the error shape of the dialect the path belongs to', async () => {
    const aps = await t.http().get('/activiti-app/api/enterprise/nothing-here').expect(404);
    expect(aps.body).toMatchObject({ messageKey: 'GENERAL.ERROR.NOT-FOUND', message: expect.any(String) });
    const pm3 = await t.http().get('/api/1.0/workflow/nothing-here').expect(404);
    expect(pm3.body).toEqual({ error: { code: 404, message: expect.stringMatching(/^Not Found: /) } });
    const pm4 = await t.http().get('/api/1.0/groups/x/nothing').expect(404);
    expect(pm4.body).toEqual({ message: expect.any(String) });
    // Questetra documents 401, 403 and 400 for every other error.
    const q = await t.http().get('/API/Nothing/here').expect(400);
    expect(q.body).toEqual({ errors: [expect.objectContaining({ type: 'NotFound', message: expect.any(String) })] });
  });

  it('serves one OpenAPI document per dialect and the Swagger UI', async () => {
    for (const d of ['aps', 'pm3', 'pm4', 'questetra', 'platform']) {
      const res = await t.http().get(`/docs/${d}-json`).expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.components.securitySchemes).toHaveProperty('oauth2');
      expect(res.body.components.securitySchemes).toHaveProperty('basic');
    }
    const ui = await t.http().get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });
});
