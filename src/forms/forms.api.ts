import { Injectable } from '@nestjs/common';
import type { FormFile, FormOption, RenderedForm, ResolvedForm, ValidatedSubmission } from './forms.api.types.js';

export type * from './forms.api.types.js';

/** Where a submission comes from: a start form (no task yet) or a task form. */
export interface SubmissionTarget {
  readonly tenantId: string;
  readonly userId: string;
  /** null for a start form submitted before the instance exists. */
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
}

/**
 * The forms context's facade (design.md §1): what the engine asks of forms. Every write joins the
 * caller's unit of work. Validation failures are DomainError.validation with code
 * `FORMS.INVALID_VALUES` (or `FORMS.INVALID_FORM` for definitions) whose message names every failing
 * field and whose details carry `problems: FormProblem[]`.
 *
 * The skeleton below is filled in by the forms issue (issue 5); the stubs throw.
 */
@Injectable()
export class FormsApi {
  /**
   * Validates the `*.form` / `*.json` form files of a deployment and stores them (one definition
   * per key; a second deployment makes a new version). Any problem rejects them all.
   */
  registerDeploymentForms(_input: { tenantId: string; deploymentId: string; files: readonly FormFile[] }): Promise<ResolvedForm[]> {
    throw new Error('FormsApi.registerDeploymentForms: not implemented');
  }

  /** Forms of a deleted deployment go with it. */
  deleteDeploymentForms(_tenantId: string, _deploymentId: string): Promise<void> {
    throw new Error('FormsApi.deleteDeploymentForms: not implemented');
  }

  /** An aps form model (modelType 2) was saved: validate its JSON and keep it as the form of that model id. */
  saveModelForm(_input: { tenantId: string; modelId: string; name: string; version: number; json: unknown }): Promise<ResolvedForm> {
    throw new Error('FormsApi.saveModelForm: not implemented');
  }

  deleteModelForm(_tenantId: string, _modelId: string): Promise<void> {
    throw new Error('FormsApi.deleteModelForm: not implemented');
  }

  /**
   * The form a `formKey` names: a form of that deployment with that key first, then the form model
   * of the tenant with that model id or key. null: none.
   */
  resolve(_input: { tenantId: string; deploymentId: string | null; formKey: string }): Promise<ResolvedForm | null> {
    throw new Error('FormsApi.resolve: not implemented');
  }

  /** A form model of the tenant by model id (task action `attach-form`). null: none. */
  formOfModel(_tenantId: string, _modelId: string): Promise<ResolvedForm | null> {
    throw new Error('FormsApi.formOfModel: not implemented');
  }

  /** The form with `values` (field id → stored variable value) filled in, as the aps form JSON shows it. */
  render(_form: ResolvedForm, _values: Readonly<Record<string, unknown>>, _options?: { readOnly?: boolean }): Promise<RenderedForm> {
    throw new Error('FormsApi.render: not implemented');
  }

  /**
   * Checks submitted values against the form: unknown fields, types, required (unless hidden by
   * its visibility condition), options, lengths, ranges, regex, dates, read-only fields (compared
   * with `current`), dynamic-table rows, outcome. Pure: stores nothing.
   */
  validate(_form: ResolvedForm, _input: { values: Readonly<Record<string, unknown>>; outcome: string | null; current?: Readonly<Record<string, unknown>> }): Promise<ValidatedSubmission> {
    throw new Error('FormsApi.validate: not implemented');
  }

  /**
   * Records a validated submission (history for start-form and audit), drops the task's draft and
   * publishes `forms.form.submitted` in the caller's transaction.
   */
  recordSubmission(_form: ResolvedForm, _target: SubmissionTarget, _submission: ValidatedSubmission): Promise<void> {
    throw new Error('FormsApi.recordSubmission: not implemented');
  }

  /** The last submission of a form for an instance's start (taskId null) or a task: field values by id. null: none. */
  submittedValues(_tenantId: string, _target: { processInstanceId: string; taskId: string | null }): Promise<{ form: ResolvedForm; values: Record<string, unknown> } | null> {
    throw new Error('FormsApi.submittedValues: not implemented');
  }

  /** save-form: keeps the draft values of a task (not validated beyond field ids and types) until completion. */
  saveDraft(_form: ResolvedForm, _target: SubmissionTarget & { taskId: string }, _values: Readonly<Record<string, unknown>>): Promise<void> {
    throw new Error('FormsApi.saveDraft: not implemented');
  }

  draftOf(_tenantId: string, _taskId: string): Promise<Record<string, unknown> | null> {
    throw new Error('FormsApi.draftOf: not implemented');
  }

  /** `form-values/{field}`: the options of a dropdown/radio/typeahead field (static, or rows of the data table its restUrl names). */
  fieldOptions(_form: ResolvedForm, _fieldId: string): Promise<FormOption[]> {
    throw new Error('FormsApi.fieldOptions: not implemented');
  }
}
