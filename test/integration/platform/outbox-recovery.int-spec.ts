import { afterEach, describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '../../support/database.js';
import { waitFor } from '../../support/wait-for.js';
import { createProbeTables, startBusApp, type BusTestApp } from './bus-test-app.js';

/** Each test gets its own database: the dispatchers here must see only their own rows. */
describe('platform: outbox delivery across restarts, crashes and several nodes', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function freshDatabase(): Promise<string> {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    return database.url;
  }

  async function start(url: string, options: Parameters<typeof startBusApp>[1] = {}): Promise<BusTestApp> {
    const app = await startBusApp(url, options);
    let closed = false;
    cleanup.push(async () => {
      if (!closed) await app.close();
    });
    return {
      ...app,
      close: async () => {
        closed = true;
        await app.close();
      },
    };
  }

  const scalar = async (app: BusTestApp, sql: string, params: unknown[] = []): Promise<number> =>
    Number(((await app.dataSource.query(sql, params)) as Array<{ n: string }>)[0]!.n);

  it('(d) delivers after a restart an event committed while no dispatcher ran', async () => {
    const url = await freshDatabase();
    const before = await start(url, { dispatchOutbox: false });
    await createProbeTables(before.dataSource);
    const event = await before.useCases.recordNote('left-behind');
    await before.close();

    const after = await start(url, { node: 'restarted' });
    expect(after.handlers.attempts.get(event.id)).toBeUndefined();
    await waitFor('delivery by the restarted node', async () =>
      (await scalar(after, `SELECT count(*) AS n FROM platform.outbox WHERE event_id = $1 AND status = 'delivered'`, [event.id])) === 2,
    );
    const rows = (await after.dataSource.query(
      `SELECT handler, node FROM bus_test.deliveries WHERE event_id = $1 ORDER BY handler`,
      [event.id],
    )) as Array<{ handler: string; node: string }>;
    expect(rows).toEqual([
      { handler: 'ProbeHandlers.mirror', node: 'restarted' },
      { handler: 'probe.deliveries', node: 'restarted' },
    ]);
  });

  it('takes over a row claimed by a process that died once its lease has run out', async () => {
    const url = await freshDatabase();
    const before = await start(url, { dispatchOutbox: false });
    await createProbeTables(before.dataSource);
    const event = await before.useCases.recordNote('claimed-then-crashed');
    // What a node that claimed the rows and died mid-delivery leaves behind.
    await before.dataSource.query(
      `UPDATE platform.outbox SET attempts = 1, claim_token = gen_random_uuid(), locked_until = now() + interval '300 milliseconds'
        WHERE event_id = $1`,
      [event.id],
    );
    await before.close();

    const after = await start(url);
    const rows = await waitFor('delivery after the lease expired', async () => {
      const found = (await after.dataSource.query(
        `SELECT status, attempts FROM platform.outbox WHERE event_id = $1 AND status = 'delivered'`,
        [event.id],
      )) as Array<{ status: string; attempts: number }>;
      return found.length === 2 ? found : undefined;
    });
    expect(rows.every((r) => r.attempts === 2)).toBe(true);
    expect(after.handlers.attempts.get(event.id)).toBe(1);
  });

  it('finishes the batch in hand when the application stops (graceful shutdown)', async () => {
    const url = await freshDatabase();
    const app = await start(url);
    await createProbeTables(app.dataSource);
    const gate = app.handlers.hold('slow');
    const event = await app.useCases.recordNote('slow');
    await gate.started;

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    // Give the close every chance to overtake the handler: it must not.
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    gate.release();
    await closing;

    const check = await start(url, { dispatchOutbox: false });
    expect(
      await scalar(check, `SELECT count(*) AS n FROM platform.outbox WHERE event_id = $1 AND handler = 'probe.deliveries' AND status = 'delivered'`, [
        event.id,
      ]),
    ).toBe(1);
    expect(await scalar(check, `SELECT count(*) AS n FROM bus_test.deliveries WHERE event_id = $1 AND handler = 'probe.deliveries'`, [event.id])).toBe(1);
  });

  it('lets another node take over a delivery that overran its lease, and still runs the effect once', async () => {
    const url = await freshDatabase();
    const a = await start(url, { node: 'A', outboxLeaseMs: 100 });
    await createProbeTables(a.dataSource);
    const gate = a.handlers.hold('overrun');
    const event = await a.useCases.recordNote('overrun');
    await gate.started;

    // B reclaims the row once A's lease has run out; its delivery then waits on A's processed mark.
    await start(url, { node: 'B', outboxLeaseMs: 100 });
    await waitFor('B reclaiming the row', async () =>
      (await scalar(a, `SELECT count(*) AS n FROM platform.outbox WHERE event_id = $1 AND handler = 'probe.deliveries' AND attempts >= 2`, [
        event.id,
      ])) === 1,
    );
    gate.release();

    await waitFor('the delivery', async () =>
      (await scalar(a, `SELECT count(*) AS n FROM platform.outbox WHERE event_id = $1 AND status = 'delivered'`, [event.id])) === 2,
    );
    // A finished after losing its claim, so its transaction (effect and processed mark) rolled back
    // and the node holding the claim delivered: one effect, though two deliveries ran at once.
    expect(await scalar(a, `SELECT count(*) AS n FROM bus_test.deliveries WHERE event_id = $1 AND handler = 'probe.deliveries'`, [event.id])).toBe(1);
    expect(await scalar(a, `SELECT count(*) AS n FROM platform.processed_events WHERE event_id = $1`, [event.id])).toBe(2);
  });

  it('(f) two dispatchers on one database deliver each of 200 events exactly once to each handler', async () => {
    const url = await freshDatabase();
    const a = await start(url, { node: 'A', outboxBatchSize: 5 });
    await createProbeTables(a.dataSource);
    const b = await start(url, { node: 'B', outboxBatchSize: 5 });

    const ids: string[] = [];
    for (let round = 0; round < 20; round++) {
      // Ten concurrent use cases per round, half on each node, so both dispatchers are woken by commits.
      const events = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).useCases.recordNote(`load-${round}-${i}`)),
      );
      ids.push(...events.map((e) => e.id));
    }
    expect(new Set(ids).size).toBe(200);

    await waitFor(
      'all 400 deliveries',
      async () => (await scalar(a, `SELECT count(*) AS n FROM platform.outbox WHERE status = 'delivered'`)) === 400,
      20_000,
    );
    const perPair = (await a.dataSource.query(
      `SELECT handler, event_id::text AS event_id, count(*)::int AS n FROM bus_test.deliveries GROUP BY 1, 2`,
    )) as Array<{ handler: string; event_id: string; n: number }>;
    expect(perPair).toHaveLength(400);
    expect(perPair.filter((p) => p.n !== 1)).toEqual([]);
    const delivered = new Set(perPair.map((p) => `${p.handler}/${p.event_id}`));
    for (const id of ids) {
      expect(delivered.has(`probe.deliveries/${id}`)).toBe(true);
      expect(delivered.has(`ProbeHandlers.mirror/${id}`)).toBe(true);
    }
    expect(await scalar(a, `SELECT count(*) AS n FROM platform.processed_events`)).toBe(400);
    expect(await scalar(a, `SELECT count(*) AS n FROM platform.outbox WHERE status <> 'delivered'`)).toBe(0);
  });
});
