/** Events published by the forms context. Types only: this file imports nothing. */

export interface FormSubmittedPayload {
  readonly formDefinitionId: string;
  readonly formKey: string;
  /** null only for a start form validated before its instance exists (never published so). */
  readonly processInstanceId: string | null;
  /** null for a start form. */
  readonly taskId: string | null;
  readonly submittedBy: string;
  readonly outcome: string | null;
  /** The typed values to store as process variables (engine variable types). */
  readonly variables: ReadonlyArray<{ readonly name: string; readonly type: string; readonly value: unknown }>;
  /** Content ids named by upload fields. */
  readonly contentIds: readonly string[];
}

export interface FormsEvents {
  /**
   * A start or task form was submitted and its values passed validation. For a task form the
   * engine's in-transaction handler stores the variables and completes the task, which advances
   * the instance — all in the submitting transaction (design.md §2).
   */
  'forms.form.submitted': FormSubmittedPayload;
}
