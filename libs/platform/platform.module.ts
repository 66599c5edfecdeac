import { Global, Module } from '@nestjs/common';
import { DomainEventBus } from './events/domain-event-bus.js';
import { UnitOfWork } from './transaction/unit-of-work.js';

/** The platform glue every context uses: the unit of work (and, with it, the event bus). */
@Global()
@Module({
  providers: [UnitOfWork, DomainEventBus],
  exports: [UnitOfWork, DomainEventBus],
})
export class PlatformModule {}
