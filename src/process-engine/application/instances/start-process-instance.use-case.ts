import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { execute } from '../../domain/runtime/engine.js';
import { toTypedValue, type TypedValue } from '../../domain/variables/typed-value.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';
import { EngineAccess } from '../access/engine-access.js';
import { engineContext, isRejected, RunEngine } from '../engine/run-engine.js';
import { StartForms } from '../forms/start-forms.js';

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
  /** Start-form values and outcome: validated against the start form (FormsApi), stored as typed variables. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly outcome?: string | null;
  /** Message start: start at the start event of this message. */
  readonly messageName?: string;
}

export interface StartProcessInstanceResult {
  readonly instanceId: string;
  readonly definitionId: string;
  /** The user tasks the start created (the first wait states), in creation order. */
  readonly taskIds: readonly string[];
  /** The start ran the instance to its end (no wait state on the way). */
  readonly ended: boolean;
}

/**
 * Starts an instance: checks the caller may start the definition (candidate starters), writes the
 * instance, runs the engine to its first wait states and writes tasks and history — one transaction.
 *
 * - Candidate starters: when the definition has any (identity links of type `candidate`), the
 *   caller must be one of the users or a member (nested groups included) of one of the groups,
 *   else 403; admins may always start.
 * - `variables` are typed first (a wrong type is a 400 before anything is written); `values` and
 *   `outcome` (a start form's fields) are validated by forms against the start form (no start form:
 *   400) and become the typed variables forms answers, the outcome as `form_{formKey}_outcome`
 *   (Alfresco's name); the submission is recorded for the new instance (its start form, its audit).
 * - The starter gets a `starter` identity link on the instance (Activiti's), and the audit trail
 *   a `process-started` entry.
 */
@Injectable()
export class StartProcessInstance {
  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly engine: RunEngine,
    private readonly access: EngineAccess,
    private readonly org: OrgStructureApi,
    private readonly bus: DomainEventBus,
    private readonly startForms: StartForms,
  ) {}

  @Transactional()
  async execute(input: StartProcessInstanceInput): Promise<StartProcessInstanceResult> {
    const { actor } = input;
    const byId = input.processDefinitionId !== undefined && input.processDefinitionId !== null && input.processDefinitionId !== '';
    const byKey = input.processDefinitionKey !== undefined && input.processDefinitionKey !== null && input.processDefinitionKey !== '';
    if (byId === byKey) throw EngineErrors.definitionIdOrKey();
    const def = await this.definitions.findForStart(actor.tenantId, byId ? { id: input.processDefinitionId! } : { key: input.processDefinitionKey! });
    if (!def) throw byId ? EngineErrors.definitionNotFound(input.processDefinitionId!) : EngineErrors.definitionKeyNotFound(input.processDefinitionKey!);
    if (def.suspended) throw EngineErrors.definitionSuspended(def.id);
    if ((def.starterUserIds || def.starterGroupIds) && !this.access.isAdmin(actor)) {
      const allowedUser = (def.starterUserIds ?? []).includes(actor.userId);
      let allowed = allowedUser;
      if (!allowed && def.starterGroupIds) {
        const groups = await this.org.groupsOfUser(actor.tenantId, actor.userId);
        allowed = groups.some((g) => def.starterGroupIds!.includes(g.id));
      }
      if (!allowed) throw EngineErrors.notCandidateStarter(def.id);
    }

    const variables = new Map<string, { name: string } & TypedValue>();
    for (const v of input.variables ?? []) variables.set(v.name, { name: v.name, ...toTypedValue(v.name, v.type, v.value) });
    const startForm = await this.startForms.validate(def, input.values, input.outcome);
    for (const v of startForm?.submission.variables ?? []) variables.set(v.name, { name: v.name, ...toTypedValue(v.name, v.type, v.value) });

    const model = await this.definitions.model(def.id);
    let startNodeId: string | undefined;
    if (input.messageName !== undefined) {
      startNodeId = model.startNodeIds.find((id) => {
        const ev = model.nodes[id]?.eventDefinition;
        return ev?.type === 'message' && ev.messageName === input.messageName;
      });
      if (!startNodeId) throw EngineErrors.startRejected(def.id, `no start event for message '${input.messageName}'`);
    }
    const values = Object.fromEntries([...variables.values()].map((v) => [v.name, v.value]));
    const result = execute(model, null, { type: 'start', startNodeId, initiatorId: actor.userId }, engineContext(values));
    if (isRejected(result)) throw EngineErrors.startRejected(def.id, result.rejected.message);

    const outcome = await this.engine.write(
      { tenantId: actor.tenantId, instanceId: null, definitionId: def.id, model, actorId: actor.userId },
      [],
      result,
      {
        bumpVersion: false,
        newInstance: {
          name: input.name ?? null,
          businessKey: input.businessKey ?? null,
          startedBy: actor.userId,
          startActivityId: startNodeId ?? model.startNodeIds[0] ?? null,
        },
        variables: [...variables.values()],
        audit: (instanceId) => [
          {
            instanceId,
            taskId: null,
            type: 'process-started',
            userId: actor.userId,
            details: {
              processDefinitionId: def.id,
              processDefinitionName: def.name,
              processDefinitionKey: def.key,
              name: input.name ?? null,
              ...(startForm ? { formKey: startForm.form.key, formData: startForm.submission.formData, outcome: startForm.submission.outcome } : {}),
            },
          },
        ],
        links: (instanceId) => [{ instanceId, taskId: null, userId: actor.userId, groupId: null, type: 'starter' }],
      },
    );
    const { instanceId } = outcome;
    if (startForm) await this.startForms.record(startForm, actor, instanceId);
    await this.bus.publish('process-engine.instance.started', { instanceId, definitionId: def.id, definitionKey: def.key }, actor.tenantId);
    return { instanceId, definitionId: def.id, taskIds: outcome.taskIds, ended: outcome.ended };
  }
}
