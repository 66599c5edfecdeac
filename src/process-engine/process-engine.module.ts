import { Module } from '@nestjs/common';

/** The process-engine context (design.md §1). Empty until its issue lands. */
@Module({})
export class ProcessEngineModule {}
