import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEventType } from '../../contracts/index.js';
import type { DomainEvent } from '../../kernel/domain-event.js';
import { handlerDeclarations } from './on-domain-event.decorator.js';

export interface RegisteredHandler {
  /** `ClassName.method` or the declared name; after-commit names are persisted in the outbox. */
  readonly name: string;
  readonly type: DomainEventType;
  invoke(event: DomainEvent): Promise<void>;
}

/**
 * Every `@OnDomainEvent` method of every Nest provider, found once with Nest's discovery. Lookups
 * discover lazily too, so that an event published from another provider's `onModuleInit` (hooks run
 * in module order) already finds its handlers.
 */
@Injectable()
export class DomainEventHandlers implements OnModuleInit {
  private inTransaction = new Map<DomainEventType, RegisteredHandler[]>();
  private afterCommit = new Map<DomainEventType, RegisteredHandler[]>();
  private afterCommitByName = new Map<string, RegisteredHandler & { readonly instance: object; readonly method: string }>();
  private discovered = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    this.discover();
  }

  inTransactionFor(type: DomainEventType): readonly RegisteredHandler[] {
    this.discover();
    return this.inTransaction.get(type) ?? [];
  }

  afterCommitFor(type: DomainEventType): readonly RegisteredHandler[] {
    this.discover();
    return this.afterCommit.get(type) ?? [];
  }

  afterCommitNamed(name: string): RegisteredHandler | undefined {
    this.discover();
    return this.afterCommitByName.get(name);
  }

  /** The after-commit handlers this node can run: the dispatcher claims only their rows. */
  afterCommitNames(): string[] {
    this.discover();
    return [...this.afterCommitByName.keys()];
  }

  private discover(): void {
    if (this.discovered) return;
    this.discovered = true;
    const seenInstances = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null || seenInstances.has(instance)) continue;
      seenInstances.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const declarations = handlerDeclarations(prototype, method);
        if (declarations.length === 0) continue;
        if (!wrapper.isDependencyTreeStatic()) {
          // A request-scoped instance does not exist outside a request: nothing could call it.
          throw new Error(`@OnDomainEvent on ${wrapper.name}.${method}: event handlers must live in singleton providers`);
        }
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const className = instance.constructor.name;
        for (const declaration of declarations) {
          const handler: RegisteredHandler = {
            name: declaration.name ?? `${className}.${method}`,
            type: declaration.type,
            invoke: async (event: DomainEvent): Promise<void> => {
              await (fn as (event: DomainEvent) => unknown).call(instance, event);
            },
          };
          const table = declaration.phase === 'after-commit' ? this.afterCommit : this.inTransaction;
          table.set(declaration.type, [...(table.get(declaration.type) ?? []), handler]);
          if (declaration.phase === 'after-commit') {
            const existing = this.afterCommitByName.get(handler.name);
            // One method subscribed to several types keeps one name: event ids never collide across types.
            if (existing && (existing.instance !== instance || existing.method !== method)) {
              // The name is the delivery key: two handlers sharing it would share idempotency marks.
              throw new Error(
                `Two after-commit handlers are named "${handler.name}" (for ${existing.type} and ${handler.type}); give one a distinct { name }`,
              );
            }
            if (!existing) this.afterCommitByName.set(handler.name, { ...handler, instance, method });
          }
        }
      }
    }
  }
}
