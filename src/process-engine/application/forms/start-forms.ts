import { Injectable } from '@nestjs/common';
import { ContentApi } from '../../../content/index.js';
import { FormsApi, type ResolvedForm, type ValidatedSubmission } from '../../../forms/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineForms, FormErrors } from './engine-forms.js';

/** A start form's submission, validated before the instance exists. */
export interface StartFormSubmission {
  readonly form: ResolvedForm;
  readonly submission: ValidatedSubmission;
}

/**
 * Start-form values on `POST process-instances` (seed 004 "Start Process Instance"): validated by
 * forms against the definition's start form before anything is written, recorded once the
 * instance exists (the start form of the instance, its audit entry), and the upload fields'
 * content claimed by the instance.
 */
@Injectable()
export class StartForms {
  constructor(
    private readonly forms: FormsApi,
    private readonly engineForms: EngineForms,
    private readonly content: ContentApi,
  ) {}

  /**
   * null when the start carries no form values (no `values`, no `outcome`): the start form is not
   * submitted. Values for a definition without a start form (or whose formKey names no form): 400.
   */
  async validate(
    def: { readonly id: string; readonly tenantId: string; readonly deploymentId: string; readonly startFormKey: string | null },
    values: Readonly<Record<string, unknown>> | undefined,
    outcome: string | null | undefined,
  ): Promise<StartFormSubmission | null> {
    if (values === undefined && (outcome === undefined || outcome === null)) return null;
    const form = await this.engineForms.startFormOf(def);
    if (!form) throw FormErrors.valuesWithoutStartForm(def.id);
    const submission = await this.forms.validate(form, { values: values ?? {}, outcome: outcome ?? null });
    await this.engineForms.checkGroups(def.tenantId, submission);
    return { form, submission };
  }

  /** Records the submission for the new instance (publishes forms.form.submitted without a task) and claims its uploads. */
  async record(start: StartFormSubmission, actor: Principal, instanceId: string): Promise<void> {
    if (start.submission.contentIds.length > 0) {
      await this.content.claimFieldContent({
        tenantId: actor.tenantId,
        userId: actor.userId,
        contentIds: start.submission.contentIds,
        owner: { kind: 'process-instance', processInstanceId: instanceId },
      });
    }
    await this.forms.recordSubmission(start.form, { tenantId: actor.tenantId, userId: actor.userId, processInstanceId: instanceId, taskId: null }, start.submission);
  }
}
