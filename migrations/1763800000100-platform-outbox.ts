import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox of the domain-event bus and the idempotency marks of its handlers
 * (design.md §2, tier 2; libs/platform/events).
 *
 * One row per (event, after-commit handler), not one row per event with per-handler tracking:
 * each handler then has its own attempts, backoff, last_error and dead state, so a failing webhook
 * never delays or re-runs the thumbnail handler of the same event, two handlers of one event can
 * be delivered by different nodes at once, and claiming stays one `SKIP LOCKED` query over one
 * table. The price is the payload copied per handler; events carry ids, not documents, so it is
 * small. The handler set is fixed when the event is published, by the publishing node's code.
 *
 * `tenant_id` is not in the unique key: event ids are UUIDs, unique across tenants.
 * Delivered rows and processed marks are kept (audit, idempotency); purging old ones is a
 * scheduled job's work, not the dispatcher's.
 */
export class PlatformOutbox1763800000100 implements MigrationInterface {
  name = 'PlatformOutbox1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS platform`);
    await q.query(`
      CREATE TABLE platform.outbox (
        id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id         uuid         NOT NULL,
        event_type       varchar(200) NOT NULL,
        tenant_id        bigint       NOT NULL,
        occurred_at      timestamptz  NOT NULL,
        payload          jsonb        NOT NULL,
        handler          varchar(200) NOT NULL,
        status           varchar(16)  NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts         integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
        locked_until     timestamptz,
        claim_token      uuid,
        last_error       text,
        created_at       timestamptz  NOT NULL DEFAULT now(),
        delivered_at     timestamptz,
        CONSTRAINT outbox_event_handler_uq UNIQUE (event_id, handler),
        CONSTRAINT outbox_delivered_at CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
      )`);
    // The claim query's path: only pending rows, in due order. Delivered rows never enter it.
    await q.query(`CREATE INDEX outbox_due_idx ON platform.outbox (next_attempt_at, id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_dead_idx ON platform.outbox (id) WHERE status = 'dead'`);

    await q.query(`
      CREATE TABLE platform.processed_events (
        handler       varchar(200) NOT NULL,
        event_id      uuid         NOT NULL,
        processed_at  timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (handler, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE platform.processed_events`);
    await q.query(`DROP TABLE platform.outbox`);
  }
}
