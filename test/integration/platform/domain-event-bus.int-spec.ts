import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventCascadeTooDeepError, PublishOutsideTransactionError } from '../../../libs/platform/events/domain-event-bus.js';
import { metricsRegistry } from '../../../libs/platform/observability/metrics.js';
import { createTestDatabase } from '../../support/database.js';
import { waitFor } from '../../support/wait-for.js';
import { createProbeTables, startBusApp, TENANT, type BusTestApp } from './bus-test-app.js';

interface OutboxRow {
  handler: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

describe('platform: domain-event bus (in transaction and after commit)', () => {
  let database: { url: string; drop(): Promise<void> };
  let t: BusTestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startBusApp(database.url, { outboxMaxAttempts: 4 });
    await createProbeTables(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number(((await t.dataSource.query(sql, params)) as Array<{ n: string }>)[0]!.n);
  const notes = (value: string) => count(`SELECT count(*) AS n FROM bus_test.notes WHERE value = $1`, [value]);
  const deliveries = (eventId: string, handler = 'probe.deliveries') =>
    count(`SELECT count(*) AS n FROM bus_test.deliveries WHERE event_id = $1 AND handler = $2`, [eventId, handler]);
  const rowsOfEvent = async (eventId: string): Promise<OutboxRow[]> =>
    (await t.dataSource.query(
      `SELECT handler, status, attempts, last_error FROM platform.outbox WHERE event_id = $1 ORDER BY handler`,
      [eventId],
    )) as OutboxRow[];
  const rowOf = async (eventId: string, handler = 'probe.deliveries'): Promise<OutboxRow | undefined> =>
    (await rowsOfEvent(eventId)).find((r) => r.handler === handler);

  it('(g) refuses to publish outside a unit of work', async () => {
    await expect(t.bus.publish('platform.probe.happened', { value: 'no-tx' }, TENANT)).rejects.toBeInstanceOf(
      PublishOutsideTransactionError,
    );
    await expect(t.bus.publish('platform.probe.happened', { value: 'no-tx' }, TENANT)).rejects.toThrow(/outside a unit of work/);
  });

  it('(b) commits the in-transaction handler\'s writes with the use case, and writes one outbox row per after-commit handler', async () => {
    const event = await t.useCases.recordNote('commit-together');
    expect(event).toMatchObject({ type: 'platform.probe.happened', tenantId: TENANT, payload: { value: 'commit-together' } });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    expect(await notes('commit-together')).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM bus_test.audit WHERE event_id = $1`, [event.id])).toBe(1);
    expect((await rowsOfEvent(event.id)).map((r) => r.handler)).toEqual(['ProbeHandlers.mirror', 'probe.deliveries']);

    // And after the commit both after-commit handlers see the same event, once.
    await waitFor('both deliveries', async () => (await rowsOfEvent(event.id)).every((r) => r.status === 'delivered'));
    expect(await deliveries(event.id)).toBe(1);
    expect(await deliveries(event.id, 'ProbeHandlers.mirror')).toBe(1);
    expect(t.handlers.receivedAfterCommit.find((e) => e.id === event.id)).toEqual(event);
  });

  it('(a) an in-transaction handler that throws rolls the whole use case back: its insert and the outbox rows are gone', async () => {
    await expect(t.useCases.recordNote('fail-in-tx-1')).rejects.toThrow('in-transaction handler refused fail-in-tx-1');
    expect(await notes('fail-in-tx-1')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM bus_test.audit WHERE value = $1`, ['fail-in-tx-1'])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM platform.outbox WHERE payload->>'value' = $1`, ['fail-in-tx-1'])).toBe(0);
  });

  it('keeps the transaction rollback-only when a caller swallows an in-transaction handler\'s error', async () => {
    await expect(
      t.uow.run(async () => {
        await t.uow.manager.query(`INSERT INTO bus_test.notes (value) VALUES ('swallowed')`);
        await t.bus.publish('platform.probe.happened', { value: 'fail-in-tx-swallowed' }, TENANT).catch(() => undefined);
      }),
    ).rejects.toThrow(/can only roll back/);
    expect(await notes('swallowed')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM platform.outbox WHERE payload->>'value' = $1`, ['fail-in-tx-swallowed'])).toBe(0);
  });

  it('runs cascades (handlers publishing events) in the same transaction', async () => {
    const event = await t.useCases.recordNote('chain:3');
    const chained = (await t.dataSource.query(
      `SELECT value FROM bus_test.audit WHERE value LIKE 'chained:%' ORDER BY value DESC`,
    )) as Array<{ value: string }>;
    expect(chained.map((r) => r.value)).toEqual(['chained:3', 'chained:2', 'chained:1', 'chained:0']);
    expect(await count(`SELECT count(*) AS n FROM bus_test.audit WHERE event_id = $1`, [event.id])).toBe(1);
  });

  it('fails a cascade deeper than the limit instead of looping, and rolls it back', async () => {
    const before = await count(`SELECT count(*) AS n FROM bus_test.audit`, []);
    await expect(t.useCases.recordNote('chain:1000')).rejects.toBeInstanceOf(EventCascadeTooDeepError);
    expect(await notes('chain:1000')).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM bus_test.audit`, [])).toBe(before);
  });

  it('(c) retries a failing after-commit handler with backoff until it succeeds, and records the error meanwhile', async () => {
    const event = await t.useCases.recordNote('flaky:2');
    const failed = await waitFor('a recorded failure', async () => {
      const row = await rowOf(event.id);
      return row && row.last_error !== null ? row : undefined;
    });
    expect(failed.last_error).toContain('flaky handler failing attempt');
    const delivered = await waitFor('the delivery after two failures', async () => {
      const row = await rowOf(event.id);
      return row?.status === 'delivered' ? row : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 3, last_error: null });
    expect(t.handlers.attempts.get(event.id)).toBe(3);
    // The failed attempts' writes rolled back with them: the effect is there once.
    expect(await deliveries(event.id)).toBe(1);
    // The other handler of the same event is not held back by this one's failures.
    expect((await rowOf(event.id, 'ProbeHandlers.mirror'))?.attempts).toBe(1);
  });

  it('leaves a row dead with its last error after the last attempt', async () => {
    const event = await t.useCases.recordNote('always-fail');
    const dead = await waitFor('the dead row', async () => {
      const row = await rowOf(event.id);
      return row?.status === 'dead' ? row : undefined;
    });
    expect(dead.attempts).toBe(4);
    expect(dead.last_error).toContain('handler always fails on always-fail');
    expect(t.handlers.attempts.get(event.id)).toBe(4);
    expect(await deliveries(event.id)).toBe(0);
    const metrics = await metricsRegistry.metrics();
    expect(metrics).toMatch(/meridian_outbox_rows\{status="dead"\} [1-9]/);
    expect(metrics).toMatch(/meridian_outbox_dead_total\{handler="probe.deliveries"\} 1/);
    expect(metrics).toMatch(/meridian_outbox_failed_attempts_total\{handler="probe.deliveries"\} [1-9]/);
    expect(metrics).toMatch(/meridian_outbox_delivered_total\{handler="ProbeHandlers.mirror"\} [1-9]/);
  });

  it('(e) runs the handler\'s effect once when an event is delivered twice', async () => {
    const event = await t.useCases.recordNote('twice');
    await waitFor('the first delivery', async () => (await rowOf(event.id))?.status === 'delivered');
    expect(await deliveries(event.id)).toBe(1);
    // What a crash between the handler's commit and the delivered mark would leave behind: the row
    // due again while the handler's processed mark exists.
    await t.dataSource.query(
      `UPDATE platform.outbox SET status = 'pending', delivered_at = NULL, next_attempt_at = now()
        WHERE event_id = $1 AND handler = 'probe.deliveries'`,
      [event.id],
    );
    const redelivered = await waitFor('the second delivery', async () => {
      const row = await rowOf(event.id);
      return row?.status === 'delivered' && row.attempts === 2 ? row : undefined;
    });
    expect(redelivered.attempts).toBe(2);
    expect(await deliveries(event.id)).toBe(1);
    expect(t.handlers.attempts.get(event.id)).toBe(1);
    expect(await metricsRegistry.metrics()).toMatch(/meridian_outbox_duplicates_skipped_total\{handler="probe.deliveries"\} 1/);
  });
});
