import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../kernel/domain-event.js';
import { DomainEventHandlers } from './domain-event-handlers.js';
import { OnDomainEvent } from './on-domain-event.decorator.js';

type Probe = DomainEvent<'platform.probe.happened', { readonly value: string }>;
type Chained = DomainEvent<'platform.probe.chained', { readonly remaining: number }>;

@Injectable()
class Subscriber {
  @OnDomainEvent('platform.probe.happened')
  first(_event: Probe): void {}

  @OnDomainEvent('platform.probe.happened', { phase: 'after-commit' })
  @OnDomainEvent('platform.probe.chained', { phase: 'after-commit' })
  both(_event: Probe | Chained): void {}
}

@Injectable()
class Inherits extends Subscriber {}

@Injectable()
class Clash {
  @OnDomainEvent('platform.probe.chained', { phase: 'after-commit', name: 'Subscriber.both' })
  clash(_event: Chained): void {}
}

async function registry(...providers: Array<new (...args: never[]) => object>): Promise<DomainEventHandlers> {
  const module = await Test.createTestingModule({ imports: [DiscoveryModule], providers: [DomainEventHandlers, ...providers] }).compile();
  return module.get(DomainEventHandlers);
}

describe('DomainEventHandlers (discovery of @OnDomainEvent)', () => {
  it('finds handlers by type and phase, named ClassName.method unless named explicitly', async () => {
    const handlers = await registry(Subscriber);
    expect(handlers.inTransactionFor('platform.probe.happened').map((h) => h.name)).toEqual(['Subscriber.first']);
    expect(handlers.afterCommitFor('platform.probe.happened').map((h) => h.name)).toEqual(['Subscriber.both']);
    expect(handlers.afterCommitFor('platform.probe.chained').map((h) => h.name)).toEqual(['Subscriber.both']);
    expect(handlers.afterCommitNames()).toEqual(['Subscriber.both']);
    expect(handlers.inTransactionFor('platform.probe.chained')).toEqual([]);
  });

  it('finds inherited handler methods', async () => {
    const handlers = await registry(Inherits);
    expect(handlers.inTransactionFor('platform.probe.happened').map((h) => h.name)).toEqual(['Inherits.first']);
  });

  it('refuses two after-commit handlers with one name (they would share idempotency marks)', async () => {
    const handlers = await registry(Subscriber, Clash);
    expect(() => handlers.afterCommitNames()).toThrow(/Two after-commit handlers are named "Subscriber.both"/);
  });

  it('refuses a name on an in-transaction handler, where nothing would persist it', () => {
    expect(() => OnDomainEvent('platform.probe.happened', { name: 'x' })({}, 'm', {})).toThrow(/only after-commit handlers are named/);
  });
});
