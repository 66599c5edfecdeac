import { Injectable } from '@nestjs/common';
import type { TaskCompletedPayload } from '../../../libs/contracts/index.js';
import type { DomainEvent } from '../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../libs/platform/events/on-domain-event.decorator.js';
import { FormDraftRepository } from '../infrastructure/form-draft.repository.js';

/**
 * A completed task's draft is of no further use: it goes in the completing transaction. A task
 * without a form cannot have a draft (save-form needs the task's form), so its completion costs
 * no statement here; nor does one whose draft the transaction already dropped (a task form
 * submission, which caused this completion).
 */
@Injectable()
export class DropDraftOnTaskCompleted {
  constructor(private readonly drafts: FormDraftRepository) {}

  @OnDomainEvent('process-engine.task.completed')
  async drop(event: DomainEvent<'process-engine.task.completed', TaskCompletedPayload>): Promise<void> {
    if (event.payload.formKey === null) return;
    await this.drafts.deleteOnce(event.tenantId, event.payload.taskId);
  }
}
