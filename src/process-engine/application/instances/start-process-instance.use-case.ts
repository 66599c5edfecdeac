import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';

/** A typed variable as the aps API carries it (design.md §8 "Variables"). */
export interface VariableInput {
  readonly name: string;
  /** string, integer, long, double, boolean, date, json; omitted: inferred from the JSON value. */
  readonly type?: string;
  readonly value: unknown;
  readonly scope?: 'local' | 'global';
}

export interface StartProcessInstanceInput {
  readonly actor: Principal;
  /** Exactly one of the two: a definition id, or a key (its latest version in the caller's tenant). */
  readonly processDefinitionId?: string;
  readonly processDefinitionKey?: string;
  readonly name?: string | null;
  readonly businessKey?: string | null;
  readonly variables?: readonly VariableInput[];
  /** Start-form values and outcome: stored as variables until the forms issue validates them. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly outcome?: string | null;
  /** Message start: start at the start event of this message. */
  readonly messageName?: string;
}

export interface StartProcessInstanceResult {
  readonly instanceId: string;
  readonly definitionId: string;
}

/**
 * Starts an instance: checks the caller may start the definition (candidate starters), writes the
 * instance, runs the engine to its first wait states and writes tasks and history — one transaction.
 */
@Injectable()
export class StartProcessInstance {
  async execute(input: StartProcessInstanceInput): Promise<StartProcessInstanceResult> {
    void input;
    throw new Error('StartProcessInstance: not implemented yet');
  }
}
