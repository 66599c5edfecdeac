import { Injectable } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { FormsApi } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { decideCompletion } from '../../domain/task/complete-rules.js';
import { CompleteTask } from '../tasks/complete-task.use-case.js';
import { EngineAccess } from '../access/engine-access.js';
import { EngineForms } from './engine-forms.js';
import { FormSubmitters } from './form-submitters.js';

export interface CompleteTaskFormInput {
  readonly actor: Principal;
  readonly taskId: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly outcome: string | null;
}

/**
 * `POST task-forms/{taskId}`: completes a task with its form, in one transaction.
 *
 * Checks as CompleteTask does, before any validation: the task exists in the tenant (404) and the
 * caller sees it (403), it is open (409) and not of a suspended instance (409), the caller may
 * complete it (assignee, owner, a candidate of an unassigned task, an admin: else 403; a pending
 * delegation: 409). The instance row (then the task row) is locked first, so two concurrent
 * submissions of one task are serialised: the second finds the task ended, 409.
 * Then the task's form (none: 404 ENGINE.NO_TASK_FORM), FormsApi.validate against it (current
 * values = the instance variables, for read-only fields; any problem: 400, nothing written), and
 * FormsApi.recordSubmission, whose `forms.form.submitted` the engine's CompleteOnFormSubmitted
 * turns into instance variables and a completion through CompleteTask — which advances the
 * instance. A `form-submitted` audit entry keeps formData and outcome for the audits.
 */
@Injectable()
export class CompleteTaskForm {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
    private readonly complete: CompleteTask,
    private readonly engineForms: EngineForms,
    private readonly forms: FormsApi,
    private readonly submitters: FormSubmitters,
  ) {}

  @Transactional()
  async execute(input: CompleteTaskFormInput): Promise<void> {
    const { actor, taskId } = input;
    // Locks the instance, then reads the task fresh (the read serves the completion that follows).
    const locked = await this.complete.lockForCompletion(actor, taskId);
    if (!locked) throw EngineErrors.taskNotFound(taskId);
    if (!locked.visible) throw EngineErrors.notInvolved('task', taskId);
    if (locked.endedAt) throw EngineErrors.taskEnded(taskId);
    if (locked.instance?.state === 'suspended') throw EngineErrors.taskSuspended(taskId);
    const viewer = await this.access.viewer(actor);
    const facts = {
      id: locked.id,
      assigneeId: locked.assigneeId,
      ownerId: locked.ownerId,
      delegationState: locked.delegationState,
      ended: false,
      candidateUserIds: locked.candidateUserIds,
      candidateGroupIds: locked.candidateGroupIds,
      suspended: false,
    };
    const decision = decideCompletion(facts, viewer);
    if (!decision.allowed) throw decision.reason === 'delegated' ? EngineErrors.taskDelegated(taskId) : EngineErrors.mayNotComplete(taskId);

    // The task's form reference and the values its read-only fields are compared with, in one read.
    const { row, current } = await this.engineForms.taskRowWithValues(viewer.tenantId, taskId);
    const form = await this.engineForms.requireFormOfTask(row);
    const submission = await this.forms.validate(form, { values: input.values, outcome: input.outcome, current });
    await this.engineForms.checkGroups(viewer.tenantId, submission);

    await this.submitters.run(actor, () =>
      this.forms.recordSubmission(form, { tenantId: viewer.tenantId, userId: actor.userId, processInstanceId: row.instanceId, taskId }, submission),
    );
    // The audit entry only if the submission did complete the task (one statement for both).
    const written = await this.uow.query<{ id: string }>(
      `INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
       SELECT $1, $2::bigint, t.id, 'form-submitted', $4::bigint, $5::jsonb FROM process_engine.tasks t WHERE t.id = $3 AND t.ended_at IS NOT NULL
       RETURNING id::text AS id`,
      [
        viewer.tenantId,
        row.instanceId,
        taskId,
        actor.userId,
        JSON.stringify({ taskName: row.name, formId: form.id, formKey: form.key, formName: form.name, formData: submission.formData, outcome: submission.outcome }),
      ],
    );
    if (written.length === 0) throw new Error(`Task ${taskId}: the form submission was recorded but did not complete the task (forms.form.submitted not published?)`);
  }
}
