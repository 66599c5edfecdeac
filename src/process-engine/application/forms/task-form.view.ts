import type { RenderedForm } from '../../../forms/index.js';
import type { TaskFormRow } from './engine-forms.js';

/** A task's form as `task-forms/{taskId}` answers it: forms' rendering plus the task and its definition. */
export interface TaskFormView {
  readonly form: RenderedForm;
  readonly task: TaskFormRow;
  /** The task has ended: the values are the ones it was completed with, and the form is read-only. */
  readonly readOnly: boolean;
}
