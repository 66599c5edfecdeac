import type { FormOption, RenderedForm } from '../../../forms/index.js';
import type { InstanceView } from '../../application/instances/instance.view.js';
import type { DefinitionView } from '../../application/definitions/definition.view.js';
import type { TaskFormView } from '../../application/forms/task-form.view.js';

/** The aps form JSON (seed 004 "Start Form"): forms' rendering plus the process definition it belongs to. */
export interface ApsForm {
  /** The form definition's id (a number, as Alfresco's form ids). */
  id: number | string;
  key: string;
  name: string;
  processDefinitionId: string | null;
  processDefinitionName: string | null;
  processDefinitionKey: string | null;
  fields: unknown[];
  outcomes: Array<{ id: string; name: string }>;
}

export interface ApsTaskForm extends ApsForm {
  taskId: string;
  taskName: string | null;
  readOnly: boolean;
}

export interface ApsInstanceStartForm extends ApsForm {
  processInstanceId: string;
  readOnly: boolean;
}

export interface ApsFormVariable {
  id: string;
  type: string;
  value: unknown;
}

const formId = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);

function base(form: RenderedForm, def: { id: string | null; name: string | null; key: string | null }): ApsForm {
  return {
    id: formId(form.id),
    key: form.key,
    name: form.name,
    processDefinitionId: def.id,
    processDefinitionName: def.name,
    processDefinitionKey: def.key,
    fields: [...form.fields],
    outcomes: form.outcomes.map((o) => ({ id: o.id, name: o.name })),
  };
}

export function toApsStartForm(definition: DefinitionView, form: RenderedForm): ApsForm {
  return base(form, { id: definition.id, name: definition.name, key: definition.key });
}

export function toApsInstanceStartForm(instance: InstanceView, form: RenderedForm): ApsInstanceStartForm {
  return { ...base(form, { id: instance.definitionId, name: instance.definitionName, key: instance.definitionKey }), processInstanceId: instance.id, readOnly: true };
}

export function toApsTaskForm(v: TaskFormView): ApsTaskForm {
  return {
    ...base(v.form, { id: v.task.definitionId, name: v.task.definitionName, key: v.task.definitionKey }),
    taskId: v.task.id,
    taskName: v.task.name,
    readOnly: v.readOnly,
  };
}

export function toApsFormOptions(options: readonly FormOption[]): Array<{ id: string; name: string }> {
  return options.map((o) => ({ id: o.id, name: o.name }));
}
