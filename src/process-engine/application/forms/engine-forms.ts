import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { FormsApi, type ResolvedForm, type ValidatedSubmission } from '../../../forms/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';

/** A task with what its form needs: the form reference and its definition (null for a standalone task). */
export interface TaskFormRow {
  readonly id: string;
  readonly tenantId: string;
  readonly instanceId: string | null;
  readonly executionId: string | null;
  readonly name: string | null;
  readonly formKey: string | null;
  readonly formModelId: string | null;
  readonly ended: boolean;
  readonly definitionId: string | null;
  readonly definitionName: string | null;
  readonly definitionKey: string | null;
  readonly deploymentId: string | null;
}

export const FormErrors = {
  noTaskForm: (taskId: string) =>
    DomainError.notFound('ENGINE.NO_TASK_FORM', `Task ${taskId} has no form (no formKey that names a form, and no attached form)`, { field: 'taskId', value: taskId }),
  noFormField: (fieldId: string) => DomainError.notFound('ENGINE.NO_FORM_FIELD', `The form has no field ${fieldId}`, { field: 'field', value: fieldId }),
  valuesWithoutStartForm: (definitionId: string) =>
    DomainError.validation('ENGINE.NO_START_FORM_FOR_VALUES', `Process definition ${definitionId} has no start form: send variables instead of values and outcome`, {
      field: 'values',
      value: definitionId,
    }),
  formModelNotFound: (formId: string) => DomainError.notFound('ENGINE.FORM_NOT_FOUND', `Form ${formId} not found`, { field: 'formId', value: formId }),
  /** Functional-group fields naming groups that do not exist in the tenant: the forms shape (FORMS.INVALID_VALUES, every field named). */
  unknownGroups: (problems: ReadonlyArray<{ field: string; message: string }>) =>
    DomainError.validation('FORMS.INVALID_VALUES', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { field: problems[0]?.field, problems: [...problems] }),
  noSubmittedStartForm: (instanceId: string) =>
    DomainError.notFound('ENGINE.NO_START_FORM', `Process instance ${instanceId} was not started with a start form`, { field: 'processInstanceId', value: instanceId }),
};

/**
 * How the engine finds the forms of its definitions and tasks (through FormsApi, forms' only door):
 * an attached form model (`attach-form`) wins; else the task's `formKey` names a form of the
 * definition's deployment, else a form model of the tenant (FormsApi.resolve's order).
 */
@Injectable()
export class EngineForms {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly forms: FormsApi,
    private readonly org: OrgStructureApi,
  ) {}

  /**
   * After FormsApi.validate: every functional-group field's value must be a group of the tenant
   * (forms may not use org-structure, so the engine checks it). An unknown group, or one of another
   * tenant: 400 FORMS.INVALID_VALUES naming the field; nothing has been written yet.
   */
  async checkGroups(tenantId: string, submission: ValidatedSubmission): Promise<void> {
    const fields = new Set(submission.groupFields ?? []);
    if (fields.size === 0) return;
    const named = submission.variables.filter((v) => fields.has(v.name) && v.value !== null && v.value !== undefined).map((v) => ({ field: v.name, id: String(v.value) }));
    if (named.length === 0) return;
    const existing = new Set(await this.org.existingGroupIds(tenantId, [...new Set(named.map((n) => n.id))]));
    const problems = named.filter((n) => !existing.has(n.id)).map((n) => ({ field: n.field, message: `group ${n.id} does not exist` }));
    if (problems.length > 0) throw FormErrors.unknownGroups(problems);
  }

  async taskRow(tenantId: string, taskId: string): Promise<TaskFormRow> {
    const rows = await this.uow.query<TaskFormRow>(
      `SELECT t.id::text AS id, t.tenant_id::text AS "tenantId", t.instance_id::text AS "instanceId", t.execution_id::text AS "executionId",
              t.name, t.form_key AS "formKey", t.form_model_id::text AS "formModelId", t.ended_at IS NOT NULL AS ended,
              d.id AS "definitionId", d.name AS "definitionName", d.key AS "definitionKey", d.deployment_id::text AS "deploymentId"
         FROM process_engine.tasks t LEFT JOIN process_engine.process_definitions d ON d.id = t.definition_id
        WHERE t.id = $1 AND t.tenant_id = $2`,
      [taskId, tenantId],
    );
    const row = rows[0];
    if (!row) throw EngineErrors.taskNotFound(taskId);
    return row;
  }

  /**
   * `taskRow` and `currentValues` in one statement (task form completion): the task's variables
   * come as [name, value] pairs in currentValues' order, so that task-local ones win.
   */
  async taskRowWithValues(tenantId: string, taskId: string): Promise<{ row: TaskFormRow; current: Record<string, unknown> }> {
    const rows = await this.uow.query<TaskFormRow & { current: Array<[string, unknown]> }>(
      `SELECT t.id::text AS id, t.tenant_id::text AS "tenantId", t.instance_id::text AS "instanceId", t.execution_id::text AS "executionId",
              t.name, t.form_key AS "formKey", t.form_model_id::text AS "formModelId", t.ended_at IS NOT NULL AS ended,
              d.id AS "definitionId", d.name AS "definitionName", d.key AS "definitionKey", d.deployment_id::text AS "deploymentId",
              (SELECT coalesce(json_agg(json_build_array(v.name, v.value) ORDER BY (v.task_id IS NOT NULL), v.name), '[]'::json)
                 FROM process_engine.variables v
                WHERE v.tenant_id = t.tenant_id
                  AND (v.task_id = t.id OR (t.instance_id IS NOT NULL AND v.instance_id = t.instance_id AND v.task_id IS NULL AND v.execution_id IS NULL))) AS current
         FROM process_engine.tasks t LEFT JOIN process_engine.process_definitions d ON d.id = t.definition_id
        WHERE t.id = $1 AND t.tenant_id = $2`,
      [taskId, tenantId],
    );
    const found = rows[0];
    if (!found) throw EngineErrors.taskNotFound(taskId);
    const { current: pairs, ...row } = found;
    const current: Record<string, unknown> = {};
    for (const [name, value] of pairs) current[name] = value;
    return { row, current };
  }

  /** The task's form, or null when it has none. */
  async formOfTask(task: TaskFormRow): Promise<ResolvedForm | null> {
    if (task.formModelId !== null) return this.forms.formOfModel(task.tenantId, task.formModelId);
    if (task.formKey === null || task.formKey === '') return null;
    return this.forms.resolve({ tenantId: task.tenantId, deploymentId: task.deploymentId, formKey: task.formKey });
  }

  /** The task's form, or 404 ENGINE.NO_TASK_FORM. */
  async requireFormOfTask(task: TaskFormRow): Promise<ResolvedForm> {
    const form = await this.formOfTask(task);
    if (!form) throw FormErrors.noTaskForm(task.id);
    return form;
  }

  /** The start form a definition's start event names, or null (no formKey, or it names no form). */
  async startFormOf(def: { readonly tenantId: string; readonly deploymentId: string; readonly startFormKey: string | null }): Promise<ResolvedForm | null> {
    if (def.startFormKey === null || def.startFormKey === '') return null;
    return this.forms.resolve({ tenantId: def.tenantId, deploymentId: def.deploymentId, formKey: def.startFormKey });
  }

  /** What a task's form shows: the instance variables (task-local ones over them) by name. */
  async currentValues(task: TaskFormRow): Promise<Record<string, unknown>> {
    // One statement: instance variables first, the task's local ones after them (they win).
    const rows = await this.uow.query<{ name: string; value: unknown }>(
      `SELECT v.name, v.value FROM process_engine.variables v
        WHERE v.tenant_id = $1
          AND (v.task_id = $2 OR ($3::bigint IS NOT NULL AND v.instance_id = $3::bigint AND v.task_id IS NULL AND v.execution_id IS NULL))
        ORDER BY (v.task_id IS NOT NULL), v.name`,
      [task.tenantId, task.id, task.instanceId],
    );
    const values: Record<string, unknown> = {};
    for (const r of rows) values[r.name] = r.value;
    return values;
  }
}
