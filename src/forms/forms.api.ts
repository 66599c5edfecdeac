import { Injectable } from '@nestjs/common';
import { DeleteDeploymentForms } from './application/delete-deployment-forms.use-case.js';
import { DeleteModelForm } from './application/delete-model-form.use-case.js';
import { DraftOf } from './application/draft-of.query.js';
import { FieldOptions } from './application/field-options.query.js';
import { RecordSubmission } from './application/record-submission.use-case.js';
import { RegisterDeploymentForms } from './application/register-deployment-forms.use-case.js';
import { RenderForm } from './application/render-form.query.js';
import { ResolveForm } from './application/resolve-form.query.js';
import { SaveDraft } from './application/save-draft.use-case.js';
import { SaveModelForm } from './application/save-model-form.use-case.js';
import { SubmittedValues } from './application/submitted-values.query.js';
import { ValidateSubmission } from './application/validate-submission.query.js';
import type { FormFile, FormOption, RenderedForm, ResolvedForm, SubmissionTarget, ValidatedSubmission } from './forms.api.types.js';

export type * from './forms.api.types.js';


/**
 * The forms context's facade (design.md §1): what the engine asks of forms. Every write joins the
 * caller's unit of work. Validation failures are DomainError.validation with code
 * `FORMS.INVALID_VALUES` (or `FORMS.INVALID_FORM` for definitions) whose message names every failing
 * field and whose details carry `problems: FormProblem[]`.
 *
 * Access is the caller's to check: the engine decides who may see or submit a start or task form;
 * this facade trusts the tenant and user it is given.
 */
@Injectable()
export class FormsApi {
  constructor(
    private readonly registerForms: RegisterDeploymentForms,
    private readonly deleteForms: DeleteDeploymentForms,
    private readonly saveModel: SaveModelForm,
    private readonly deleteModel: DeleteModelForm,
    private readonly resolver: ResolveForm,
    private readonly renderer: RenderForm,
    private readonly validator: ValidateSubmission,
    private readonly recorder: RecordSubmission,
    private readonly submitted: SubmittedValues,
    private readonly draftSaver: SaveDraft,
    private readonly drafts: DraftOf,
    private readonly options: FieldOptions,
  ) {}

  /**
   * Validates the `*.form` / `*.json` form files of a deployment and stores them (one definition
   * per key; a second deployment makes a new version). Any problem rejects them all.
   */
  registerDeploymentForms(input: { tenantId: string; deploymentId: string; files: readonly FormFile[] }): Promise<ResolvedForm[]> {
    return this.registerForms.execute(input);
  }

  /** Forms of a deleted deployment go with it. */
  deleteDeploymentForms(tenantId: string, deploymentId: string): Promise<void> {
    return this.deleteForms.execute(tenantId, deploymentId);
  }

  /** An aps form model (modelType 2) was saved: validate its JSON and keep it as the form of that model id. */
  saveModelForm(input: { tenantId: string; modelId: string; name: string; version: number; json: unknown }): Promise<ResolvedForm> {
    return this.saveModel.execute(input);
  }

  deleteModelForm(tenantId: string, modelId: string): Promise<void> {
    return this.deleteModel.execute(tenantId, modelId);
  }

  /**
   * The form a `formKey` names: a form of that deployment with that key first, then the form model
   * of the tenant with that model id or key. null: none.
   */
  resolve(input: { tenantId: string; deploymentId: string | null; formKey: string }): Promise<ResolvedForm | null> {
    return this.resolver.execute(input);
  }

  /** A form model of the tenant by model id (task action `attach-form`). null: none. */
  formOfModel(tenantId: string, modelId: string): Promise<ResolvedForm | null> {
    return this.resolver.ofModel(tenantId, modelId);
  }

  /** The form with `values` (field id → stored variable value) filled in, as the aps form JSON shows it. */
  render(form: ResolvedForm, values: Readonly<Record<string, unknown>>, options?: { readOnly?: boolean }): Promise<RenderedForm> {
    return this.renderer.execute(form, values, options);
  }

  /**
   * Checks submitted values against the form: unknown fields, types, required (unless hidden by
   * its visibility condition), options, lengths, ranges, regex, dates, read-only fields (compared
   * with `current`), dynamic-table rows, outcome. Pure: stores nothing.
   */
  validate(form: ResolvedForm, input: { values: Readonly<Record<string, unknown>>; outcome: string | null; current?: Readonly<Record<string, unknown>> }): Promise<ValidatedSubmission> {
    return this.validator.execute(form, input);
  }

  /**
   * Records a validated submission (history for start-form and audit), drops the task's draft and
   * publishes `forms.form.submitted` in the caller's transaction.
   */
  recordSubmission(form: ResolvedForm, target: SubmissionTarget, submission: ValidatedSubmission): Promise<void> {
    return this.recorder.execute(form, target, submission);
  }

  /** The last submission of a form for an instance's start (taskId null) or a task: field values by id. null: none. */
  submittedValues(tenantId: string, target: { processInstanceId: string; taskId: string | null }): Promise<{ form: ResolvedForm; values: Record<string, unknown> } | null> {
    return this.submitted.execute(tenantId, target);
  }

  /** save-form: keeps the draft values of a task (not validated beyond field ids and types) until completion. */
  saveDraft(form: ResolvedForm, target: SubmissionTarget & { taskId: string }, values: Readonly<Record<string, unknown>>): Promise<void> {
    return this.draftSaver.execute(form, target, values);
  }

  draftOf(tenantId: string, taskId: string): Promise<Record<string, unknown> | null> {
    return this.drafts.execute(tenantId, taskId);
  }

  /**
   * `form-values/{field}`: the options of a dropdown/radio/typeahead field (static, or rows of the
   * data table its restUrl names). With `columnId` (`form-values/{field}/{column}`): the options of
   * that column of a dynamic-table field, the same way; no such column: 404 FORMS.COLUMN_NOT_FOUND.
   */
  fieldOptions(form: ResolvedForm, fieldId: string, columnId?: string): Promise<FormOption[]> {
    return this.options.execute(form, fieldId, columnId);
  }
}
