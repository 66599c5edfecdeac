import { Inject, Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DomainEvent } from '../../../libs/kernel/domain-event.js';
import { dataSourceOptions } from '../../../libs/platform/database/data-source-options.js';
import { DomainEventBus } from '../../../libs/platform/events/domain-event-bus.js';
import { OnDomainEvent } from '../../../libs/platform/events/on-domain-event.decorator.js';
import { PlatformModule } from '../../../libs/platform/platform.module.js';
import type { PlatformOptions } from '../../../libs/platform/platform.options.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { migrations } from '../../../migrations/index.js';

/**
 * A minimal application around the platform module for the bus's tests: a use case that writes a
 * row and publishes `platform.probe.happened`, and handlers whose behaviour the payload steers
 * (`fail-in-tx…`, `flaky:N…`, `always-fail…`, `chain:N…`, `gate:…`).
 */
export const PROBE_NODE = Symbol('PROBE_NODE');
export const TENANT = '1';

/** The tables the probe use case and handlers write; created once per test database. */
export async function createProbeTables(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS bus_test`);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS bus_test.notes (id serial PRIMARY KEY, value text NOT NULL)`);
  await dataSource.query(`CREATE TABLE IF NOT EXISTS bus_test.audit (event_id uuid NOT NULL, value text NOT NULL)`);
  // No unique key on purpose: a duplicate delivery must show up as a second row.
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS bus_test.deliveries (handler text NOT NULL, event_id uuid NOT NULL, node text NOT NULL)`,
  );
}

interface Gate {
  started: () => void;
  release: Promise<void>;
}

@Injectable()
export class ProbeUseCases {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
  ) {}

  /** One use case: its own insert, then the event. */
  recordNote(value: string): Promise<DomainEvent<'platform.probe.happened', { readonly value: string }>> {
    return this.uow.run(async () => {
      await this.uow.manager.query(`INSERT INTO bus_test.notes (value) VALUES ($1)`, [value]);
      return this.bus.publish('platform.probe.happened', { value }, TENANT);
    });
  }
}

@Injectable()
export class ProbeHandlers {
  /** Attempts per event id of the after-commit `deliveries` handler, failed ones included. */
  readonly attempts = new Map<string, number>();
  readonly receivedAfterCommit: DomainEvent[] = [];
  readonly gates = new Map<string, Gate>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly bus: DomainEventBus,
    @Inject(PROBE_NODE) private readonly node: string,
  ) {}

  @OnDomainEvent('platform.probe.happened')
  async audit(event: DomainEvent<'platform.probe.happened', { readonly value: string }>): Promise<void> {
    const { value } = event.payload;
    await this.uow.manager.query(`INSERT INTO bus_test.audit (event_id, value) VALUES ($1, $2)`, [event.id, value]);
    if (value.startsWith('fail-in-tx')) throw new Error(`in-transaction handler refused ${value}`);
    const chain = /^chain:(\d+)/.exec(value);
    if (chain) await this.bus.publish('platform.probe.chained', { remaining: Number(chain[1]) }, event.tenantId);
  }

  @OnDomainEvent('platform.probe.chained')
  async onChained(event: DomainEvent<'platform.probe.chained', { readonly remaining: number }>): Promise<void> {
    await this.uow.manager.query(`INSERT INTO bus_test.audit (event_id, value) VALUES ($1, $2)`, [
      event.id,
      `chained:${event.payload.remaining}`,
    ]);
    if (event.payload.remaining > 0) {
      await this.bus.publish('platform.probe.chained', { remaining: event.payload.remaining - 1 }, event.tenantId);
    }
  }

  @OnDomainEvent('platform.probe.happened', { phase: 'after-commit', name: 'probe.deliveries' })
  async deliveries(event: DomainEvent<'platform.probe.happened', { readonly value: string }>): Promise<void> {
    const attempt = (this.attempts.get(event.id) ?? 0) + 1;
    this.attempts.set(event.id, attempt);
    this.receivedAfterCommit.push(event);
    const { value } = event.payload;
    const gate = this.gates.get(value);
    if (gate) {
      gate.started();
      await gate.release;
    }
    // The effect is written in the dispatcher's transaction, so it commits with the delivered mark.
    await this.uow.manager.query(`INSERT INTO bus_test.deliveries (handler, event_id, node) VALUES ($1, $2, $3)`, [
      'probe.deliveries',
      event.id,
      this.node,
    ]);
    const flaky = /^flaky:(\d+)/.exec(value);
    if (flaky && attempt <= Number(flaky[1])) throw new Error(`flaky handler failing attempt ${attempt}`);
    if (value.startsWith('always-fail')) throw new Error(`handler always fails on ${value}`);
  }

  /** A second after-commit handler with its default name, `ProbeHandlers.mirror`. */
  @OnDomainEvent('platform.probe.happened', { phase: 'after-commit' })
  async mirror(event: DomainEvent<'platform.probe.happened', { readonly value: string }>): Promise<void> {
    await this.uow.manager.query(`INSERT INTO bus_test.deliveries (handler, event_id, node) VALUES ($1, $2, $3)`, [
      'ProbeHandlers.mirror',
      event.id,
      this.node,
    ]);
  }

  /** Holds `deliveries` on `value` until released; resolves once the handler has started. */
  hold(value: string): { started: Promise<void>; release: () => void } {
    let release!: () => void;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    const releasePromise = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(value, { started, release: releasePromise });
    return { started: startedPromise, release };
  }
}

export interface BusTestApp {
  readonly module: TestingModule;
  readonly useCases: ProbeUseCases;
  readonly handlers: ProbeHandlers;
  readonly bus: DomainEventBus;
  readonly uow: UnitOfWork;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** Backoff and polling in milliseconds, so that retries happen within a test's patience. */
export async function startBusApp(url: string, options: Partial<PlatformOptions> & { node?: string } = {}): Promise<BusTestApp> {
  const { node = 'A', ...platform } = options;
  const module = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({ ...dataSourceOptions({ url, migrations, poolSize: 6 }), retryAttempts: 1, retryDelay: 100 }),
      PlatformModule.forRoot({ outboxPollMs: 25, outboxRetryBaseMs: 20, outboxRetryMaxMs: 200, ...platform }),
    ],
    providers: [ProbeUseCases, ProbeHandlers, { provide: PROBE_NODE, useValue: node }],
  }).compile();
  // Failing handlers log warnings by design; the assertions look at the rows instead.
  module.useLogger(false);
  await module.init();
  return {
    module,
    useCases: module.get(ProbeUseCases),
    handlers: module.get(ProbeHandlers),
    bus: module.get(DomainEventBus),
    uow: module.get(UnitOfWork),
    dataSource: module.get(DataSource),
    close: () => module.close(),
  };
}
