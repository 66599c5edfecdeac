import { Injectable } from '@nestjs/common';
import type { ContentEvents } from '../../../../libs/contracts/index.js';
import type { DomainEvent } from '../../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../../libs/platform/events/on-domain-event.decorator.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';

type Attached = ContentEvents['content.content.attached'];
type Deleted = ContentEvents['content.content.deleted'];

/**
 * Content attached to or deleted from an instance or a task is part of the case's history: an audit
 * entry (`content-attached` / `content-deleted`, shown by the instance's audit log as
 * contentAttached / contentDeleted), written in the content use case's transaction so that the
 * upload and its trace commit together. Unowned content (start-form uploads) has no case yet; an
 * event naming a case the engine does not have (of that tenant) writes nothing.
 */
@Injectable()
export class AuditContent {
  constructor(private readonly uow: UnitOfWork) {}

  @OnDomainEvent('content.content.attached')
  async attached(event: DomainEvent<'content.content.attached', Attached>): Promise<void> {
    await this.write(event.tenantId, 'content-attached', event.payload, event.payload.createdBy, `Content "${event.payload.name}" attached`);
  }

  @OnDomainEvent('content.content.deleted')
  async deleted(event: DomainEvent<'content.content.deleted', Deleted>): Promise<void> {
    await this.write(event.tenantId, 'content-deleted', event.payload, event.payload.deletedBy, `Content "${event.payload.name}" deleted`);
  }

  private async write(tenantId: string, type: string, p: Attached | Deleted, userId: string, message: string): Promise<void> {
    if (p.processInstanceId === null && p.taskId === null) return;
    // Only for a case the engine has (of this tenant): the audit trail must never be the reason an upload fails.
    await this.uow.query(
      `INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
       SELECT $1::bigint, $2::bigint, $3::bigint, $4, $5::bigint, $6::jsonb
        WHERE ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM process_engine.process_instances WHERE id = $2::bigint AND tenant_id = $1::bigint))
          AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM process_engine.tasks WHERE id = $3::bigint AND tenant_id = $1::bigint))`,
      [
        tenantId,
        p.processInstanceId,
        p.taskId,
        type,
        userId,
        JSON.stringify({ contentId: p.contentId, name: p.name, mimeType: p.mimeType, relatedContent: p.relatedContent, link: p.link, message }),
      ],
    );
  }
}
