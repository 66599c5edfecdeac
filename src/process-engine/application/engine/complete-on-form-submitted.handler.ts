import { Injectable } from '@nestjs/common';
import type { FormSubmittedPayload } from '../../../../libs/contracts/index.js';
import type { DomainEvent } from '../../../../libs/kernel/domain-event.js';
import { OnDomainEvent } from '../../../../libs/platform/events/on-domain-event.decorator.js';
import { ContentApi } from '../../../content/index.js';
import { FormSubmitters } from '../forms/form-submitters.js';
import { CompleteTask } from '../tasks/complete-task.use-case.js';

/**
 * Task form submitted → the task completes in the submitting transaction (design.md §2): the
 * validated values become instance variables and the task ends through CompleteTask — the same
 * rules, versioned update and 409 as `action/complete` — which publishes
 * `process-engine.task.completed`, and the instance advances. A start form (no task) needs
 * nothing here: StartProcessInstance already stored its variables.
 */
@Injectable()
export class CompleteOnFormSubmitted {
  constructor(
    private readonly complete: CompleteTask,
    private readonly submitters: FormSubmitters,
    private readonly content: ContentApi,
  ) {}

  @OnDomainEvent('forms.form.submitted')
  async onSubmitted(event: DomainEvent<'forms.form.submitted', FormSubmittedPayload>): Promise<void> {
    const p = event.payload;
    if (p.taskId === null) return;
    // Only submissions the engine itself runs (CompleteTaskForm, which checked who may complete the
    // task and verifies afterwards that it ended) complete a task: a submission recorded by anyone
    // else through FormsApi is history only.
    const actor = this.submitters.current();
    if (!actor || actor.userId !== p.submittedBy || actor.tenantId !== event.tenantId) return;
    if (p.contentIds.length > 0) {
      await this.content.claimFieldContent({
        tenantId: event.tenantId,
        userId: p.submittedBy,
        contentIds: p.contentIds,
        owner: { kind: 'task', taskId: p.taskId, processInstanceId: p.processInstanceId },
      });
    }
    await this.complete.execute({
      actor,
      taskId: p.taskId,
      outcome: p.outcome,
      variables: p.variables.map((v) => ({ name: v.name, type: v.type, value: v.value, scope: 'global' as const })),
    });
  }
}
