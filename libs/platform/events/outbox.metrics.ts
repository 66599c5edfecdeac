import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../observability/metrics.js';

const handlerLabel = ['handler'] as const;

export const outboxDelivered = new Counter({
  name: 'meridian_outbox_delivered_total',
  help: 'Outbox rows delivered to their after-commit handler (duplicates skipped by idempotency included)',
  labelNames: handlerLabel,
  registers: [metricsRegistry],
});

export const outboxDuplicatesSkipped = new Counter({
  name: 'meridian_outbox_duplicates_skipped_total',
  help: 'Deliveries skipped because the handler had already processed the event (at-least-once redelivery)',
  labelNames: handlerLabel,
  registers: [metricsRegistry],
});

export const outboxFailed = new Counter({
  name: 'meridian_outbox_failed_attempts_total',
  help: 'After-commit handler attempts that failed (each one is retried with backoff until the row is dead)',
  labelNames: handlerLabel,
  registers: [metricsRegistry],
});

export const outboxDead = new Counter({
  name: 'meridian_outbox_dead_total',
  help: 'Outbox rows given up on after their last attempt (status dead, last_error kept)',
  labelNames: handlerLabel,
  registers: [metricsRegistry],
});

export type OutboxBacklog = Readonly<Record<'pending' | 'dead', number>>;

/*
 * The backlog is read from the database at scrape time rather than tracked in memory: with several
 * nodes dispatching, no single process knows it. Any running dispatcher of this process can answer.
 */
const backlogProbes = new Set<() => Promise<OutboxBacklog>>();

export function addOutboxBacklogProbe(probe: () => Promise<OutboxBacklog>): () => void {
  backlogProbes.add(probe);
  return () => backlogProbes.delete(probe);
}

new Gauge({
  name: 'meridian_outbox_rows',
  help: 'Outbox rows by status: pending (due, waiting for a retry or in flight) and dead',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  async collect() {
    const probe = backlogProbes.values().next().value;
    if (!probe) return;
    try {
      const backlog = await probe();
      this.set({ status: 'pending' }, backlog.pending);
      this.set({ status: 'dead' }, backlog.dead);
    } catch {
      // A scrape during a database outage must still serve the other metrics.
    }
  },
});
