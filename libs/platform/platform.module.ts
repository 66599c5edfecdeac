import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DatabaseNotifications } from './database/database-notifications.js';
import { DomainEventBus } from './events/domain-event-bus.js';
import { DomainEventHandlers } from './events/domain-event-handlers.js';
import { OutboxDispatcher } from './events/outbox-dispatcher.js';
import { PLATFORM_OPTIONS, resolvePlatformOptions, type PlatformOptions } from './platform.options.js';
import { UnitOfWork } from './transaction/unit-of-work.js';

/**
 * The platform glue every context uses: the unit of work and the domain-event bus with its outbox
 * dispatcher. Global, so contexts inject UnitOfWork and DomainEventBus without importing it.
 * Needs a TypeORM DataSource (TypeOrmModule.forRoot) in the application.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: resolvePlatformOptions(options) },
        UnitOfWork,
        DomainEventHandlers,
        OutboxDispatcher,
        DomainEventBus,
        DatabaseNotifications,
      ],
      exports: [UnitOfWork, DomainEventBus, DatabaseNotifications],
    };
  }
}
