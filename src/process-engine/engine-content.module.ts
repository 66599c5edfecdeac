import { Module } from '@nestjs/common';
import { ContentModule } from '../content/index.js';
import { EngineContentOwnerPolicy } from './application/access/content-owner-policy.js';
import { AuditContent } from './application/content/audit-content.handler.js';
import { EngineSharedModule } from './engine-shared.module.js';

/**
 * The engine's side of content (design.md §1: process-engine → content): it tells content who may
 * touch the content of instances and tasks (the registered ContentOwnerPolicy), and records content
 * attached to or deleted from a case in its audit trail.
 */
@Module({
  imports: [EngineSharedModule, ContentModule],
  providers: [EngineContentOwnerPolicy, AuditContent],
})
export class EngineContentModule {}
