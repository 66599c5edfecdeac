import type { UserSummary } from '../../../identity/index.js';
import type { VariableType } from '../../domain/variables/typed-value.js';

export type InstanceState = 'running' | 'suspended' | 'completed' | 'deleted';

/** An instance row read with INSTANCE_COLUMNS (InstanceView adds the starter and the variables). */
export interface InstanceRow {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string | null;
  readonly businessKey: string | null;
  readonly state: InstanceState;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly endReason: string | null;
  readonly startedById: string | null;
  readonly definitionId: string;
  readonly definitionKey: string;
  readonly definitionName: string | null;
  readonly definitionDescription: string | null;
  readonly definitionCategory: string | null;
  readonly definitionVersion: number;
  readonly deploymentId: string;
  readonly hasStartForm: boolean;
  /** The BPMN carries diagram interchange (bpmndi). */
  readonly graphicalNotation: boolean;
  /** Open (unresolved) incidents of the instance (design.md §8). */
  readonly incidents: number;
}

/** A process instance with its definition (the row), its starter and, when asked, its variables, as the aps representations need it. */
export type InstanceView = InstanceRow & {
  /** The starter as a light user; null when there is none or the user was deleted. */
  readonly startedBy: UserSummary | null;
  /** Instance (global) variables, by name; null when not loaded. */
  readonly variables: ReadonlyArray<{ readonly name: string; readonly type: VariableType; readonly value: unknown }> | null;
};
