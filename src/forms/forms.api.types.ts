/**
 * The published language of the forms context: the types other contexts see through FormsApi.
 * Types only. The form JSON is the Alfresco form representation of seed 004 (design.md §8 "Forms").
 */

/** Option of a dropdown, radio-buttons or typeahead field (and of a dynamic-table column). */
export interface FormOption {
  readonly id: string;
  readonly name: string;
}

export interface FormOutcome {
  readonly id: string;
  readonly name: string;
}

/**
 * One field as the aps API shows it (seed 004 "Start Form"): every property is present, unknown
 * ones null. `fields` only on containers (column number → child fields), `columnDefinitions` only
 * on dynamic tables. Further properties of the stored definition (`params`, `minLength`, …) are
 * kept as they were written.
 */
export type FormFieldRepresentation = Readonly<Record<string, unknown>> & {
  readonly fieldType: string;
  readonly id: string;
  readonly name: string | null;
  readonly type: string;
  readonly value: unknown;
};

/** A form the forms context knows: from a deployment (`*.form` file) or a form model (aps modelType 2). */
export interface ResolvedForm {
  /** forms' own id of this definition version (a number as a string). */
  readonly id: string;
  readonly tenantId: string;
  readonly key: string;
  readonly name: string;
  /** `deployment` (a file of a deployment) or `model` (an aps form model, id = modelId). */
  readonly source: 'deployment' | 'model';
  readonly deploymentId: string | null;
  readonly modelId: string | null;
  readonly version: number;
  readonly outcomes: readonly FormOutcome[];
}

/** The form as `start-form` / `task-forms/{id}` answer it, before the engine adds its own properties. */
export interface RenderedForm {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly fields: readonly FormFieldRepresentation[];
  readonly outcomes: readonly FormOutcome[];
}

/** A typed value for the engine to store as a process variable (the engine's variable types). */
export interface FormVariable {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'long' | 'double' | 'boolean' | 'date' | 'json';
  readonly value: unknown;
}

/** A submission that passed validation. */
export interface ValidatedSubmission {
  /** One per field with a value (and the outcome variable `form_{key}_outcome` when an outcome was chosen). */
  readonly variables: readonly FormVariable[];
  /** The outcome's name as chosen (null: the form has no outcomes, or the default "Complete"). */
  readonly outcome: string | null;
  /** Content ids named by upload fields (the engine attaches them to the instance as field content). */
  readonly contentIds: readonly string[];
  /**
   * Ids of the functional-group fields among `variables` (their values are group ids). Forms may not
   * use org-structure, so the engine checks that those groups exist in the tenant. Optional: absent = none.
   */
  readonly groupFields?: readonly string[];
  /** What the audit shows: one entry per field with a value. */
  readonly formData: ReadonlyArray<{ readonly fieldId: string; readonly fieldName: string | null; readonly value: unknown }>;
}

export interface FormFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** One problem of a form definition or of submitted values; `field` is the field id (or the file name). */
export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

/** Where a submission comes from: a start form (no task yet) or a task form. */
export interface SubmissionTarget {
  readonly tenantId: string;
  readonly userId: string;
  /** null for a start form submitted before the instance exists. */
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
}
