import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainEventBus } from '../../../../libs/platform/events/domain-event-bus.js';
import type { ProcessModel } from '../../domain/model/process-model.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { execute } from '../../domain/runtime/engine.js';
import type { EngineContext, ExecutionState, StepResult, Trigger, TriggerRejection } from '../../domain/runtime/instance-state.js';
import { toTypedValue, type TypedValue } from '../../domain/variables/typed-value.js';
import { DefinitionRepository } from '../../infrastructure/definition.repository.js';
import {
  EngineWrites,
  NEW_INSTANCE_ID,
  newTaskId,
  type NewActivityRow,
  type NewAuditRow,
  type NewIncidentRow,
  type NewLinkRow,
  type NewInstanceRow,
  type NewTaskRow,
} from '../../infrastructure/engine-writes.js';
import { diffExecutions, ExecutionRepository } from '../../infrastructure/execution.repository.js';
import type { LockedInstance } from '../../infrastructure/instance.repository.js';
import { VariableStore } from '../../infrastructure/variable.store.js';
import { AssignmentResolver, type ResolvedRefs } from './assignment-resolver.js';
import { delegateName, SERVICE_TASK_DELEGATES, type ServiceTaskDelegate } from './service-task-delegate.js';

/** The instance a step belongs to, as the writer needs it. */
export interface StepScope {
  readonly tenantId: string;
  /** Null: a new instance, inserted by the write (see StepExtras.newInstance). */
  readonly instanceId: string | null;
  readonly definitionId: string;
  readonly model: ProcessModel;
  /** Who caused the step (starter, completer); null for the engine itself (continuations). */
  readonly actorId: string | null;
}

export interface StepExtras {
  /** Variables to store with the step's own (start variables): one statement for all. */
  readonly variables?: ReadonlyArray<{ readonly name: string } & TypedValue>;
  /** Audit rows to write before the step's own (process-started), given the instance id. */
  readonly audit?: (instanceId: string) => readonly NewAuditRow[];
  /** Identity links to write with the step's own (the starter's), given the instance id. */
  readonly links?: (instanceId: string) => readonly NewLinkRow[];
  /** The row of a new instance (scope.instanceId null). */
  readonly newInstance?: Omit<NewInstanceRow, 'tenantId' | 'definitionId'>;
  /** Moves instance.version (every advance of an existing instance). */
  readonly bumpVersion: boolean;
}

export interface StepOutcome {
  readonly instanceId: string;
  readonly taskIds: readonly string[];
  readonly ended: boolean;
  readonly incidents: number;
}

/** `randomUUID` ids, the variables expressions see, and the clock: what the pure core gets from the world. */
export function engineContext(variables: Readonly<Record<string, unknown>>): EngineContext {
  return { newId: randomUUID, variables, now: new Date().toISOString() };
}

export function isRejected<T extends object>(r: T | { readonly rejected: TriggerRejection }): r is { readonly rejected: TriggerRejection } {
  return 'rejected' in r;
}

/**
 * Turns a StepResult of the pure engine into rows, in batched statements (design.md §3):
 * the token-tree diff, user tasks with their candidate links and the instance's participant links,
 * activity history, variables, audit entries, incidents, the instance's end. Runs in the caller's
 * transaction; the caller holds the instance lock.
 *
 * Choices:
 * - `assignee`/`candidateUsers` may be a user id, username or email and `candidateGroups` a group
 *   id or name (design.md §8), resolved through the identity and org-structure facades. A
 *   reference that names nobody leaves the task unassigned (or without that candidate): the
 *   process goes on, the audit trail gets a `task-assignment-unresolved` entry naming the
 *   reference, and a warning is logged — an admin can assign the task. It is not an incident:
 *   nothing is stuck.
 * - Service tasks call the ServiceTaskDelegate registered under the delegate's name; with none
 *   registered (the default in this version) they pass through. The engine has already moved past
 *   the node, so a delegate's returned variables are stored but not seen by that step's conditions.
 * - Async continuations commit first and continue after the commit (ContinueInstance).
 */
@Injectable()
export class RunEngine {
  private readonly logger = new Logger('ProcessEngine');
  private readonly delegates: ReadonlyMap<string, ServiceTaskDelegate>;

  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly executions: ExecutionRepository,
    private readonly writes: EngineWrites,
    private readonly variables: VariableStore,
    private readonly assignment: AssignmentResolver,
    private readonly bus: DomainEventBus,
    @Inject(SERVICE_TASK_DELEGATES) delegates: readonly ServiceTaskDelegate[],
  ) {
    this.delegates = new Map(delegates.map((d) => [d.name, d]));
  }

  /**
   * Advances a locked instance with a trigger (task completed, continuation due): loads the token
   * tree and the variables, runs the pure step, writes the result. A rejection is returned, not
   * thrown: the caller decides whether it is a conflict or nothing to do.
   */
  async advance(instance: LockedInstance, trigger: Trigger, actorId: string | null): Promise<StepOutcome | { rejected: TriggerRejection }> {
    const model = await this.definitions.model(instance.definitionId);
    const { executions: before, variables: values } = await this.executions.loadState(instance.tenantId, instance.id);
    const result = execute(model, { status: 'running', executions: before }, trigger, engineContext(values));
    if (isRejected(result)) return result;
    this.logger.debug(`Instance ${instance.id}: ${trigger.type} ${'executionId' in trigger ? trigger.executionId : ''} → ${result.effects.length} effects`);
    return this.write(
      { tenantId: instance.tenantId, instanceId: instance.id, definitionId: instance.definitionId, model, actorId },
      before,
      result,
      { bumpVersion: true },
    );
  }

  /**
   * Writes a step. For a new instance (`scope.instanceId` null, `extras.newInstance` set) the
   * instance row is inserted together with its first tasks, and its variables with the rest.
   */
  async write(scope: StepScope, before: readonly ExecutionState[], result: StepResult, extras: StepExtras): Promise<StepOutcome> {
    const { tenantId, model } = scope;
    const cancelled = result.effects.flatMap((e) => (e.type === 'executionsCancelled' ? e.executionIds : []));

    // Tasks first: history rows and links need their ids.
    const created = result.effects.flatMap((e) => (e.type === 'createUserTask' ? [e] : []));
    const unresolvedRefs: Array<{ taskIndex: number; role: string; reference: string }> = [];
    let refs: ResolvedRefs = { users: new Map(), groups: new Map() };
    if (created.length > 0) {
      const userRefs = created.flatMap((c) => [...(c.task.assignee ? [c.task.assignee] : []), ...c.task.candidateUsers]);
      const groupRefs = created.flatMap((c) => c.task.candidateGroups);
      // The starter or completer (`${initiator}`) is a live user of the tenant: no lookup needed.
      refs = await this.assignment.resolve(tenantId, userRefs, groupRefs, scope.actorId ? [scope.actorId] : []);
    }
    const rows: NewTaskRow[] = created.map((c, i) => {
      const assigneeId = c.task.assignee ? (refs.users.get(c.task.assignee) ?? null) : null;
      if (c.task.assignee && !assigneeId) unresolvedRefs.push({ taskIndex: i, role: 'assignee', reference: c.task.assignee });
      return {
        executionId: c.executionId,
        taskDefinitionKey: c.nodeId,
        name: c.task.name,
        // Documentation is free text: the column holds 4,000 characters (names are checked at deploy).
        description: c.task.documentation === null ? null : c.task.documentation.slice(0, 4000),
        category: c.task.category,
        formKey: c.task.formKey,
        assigneeId,
        priority: validPriority(c.task.priority),
        dueDate: validDate(c.task.dueDate),
      };
    });
    let instanceId: string;
    let taskIds: string[];
    // A new instance whose first step calls no service (a delegate is given the instance id) is
    // written in ONE statement with everything the step writes: rows are built with placeholder
    // ids (NEW_INSTANCE_ID, newTaskId) that the statement resolves to the ids it generates.
    const oneStatement = scope.instanceId === null && !!extras.newInstance && !result.effects.some((e) => e.type === 'invokeService');
    if (oneStatement) {
      instanceId = NEW_INSTANCE_ID;
      taskIds = rows.map((_, i) => newTaskId(i));
    } else if (scope.instanceId === null) {
      if (!extras.newInstance) throw new Error('RunEngine.write: a new instance needs extras.newInstance');
      ({ instanceId, taskIds } = await this.writes.insertInstance(
        { tenantId, definitionId: scope.definitionId, ...extras.newInstance },
        rows,
      ));
    } else {
      instanceId = scope.instanceId;
      taskIds = await this.writes.insertTasks(tenantId, instanceId, scope.definitionId, rows);
    }

    const audit: NewAuditRow[] = [...(extras.audit?.(instanceId) ?? [])];
    const links: NewLinkRow[] = [...(extras.links?.(instanceId) ?? [])];
    const participantsLinked = new Set<string>();
    created.forEach((c, i) => {
      const taskId = taskIds[i]!;
      const participants = new Set<string>();
      const assigneeId = rows[i]!.assigneeId;
      if (assigneeId) participants.add(assigneeId);
      const candidateUserIds: string[] = [];
      for (const ref of new Set(c.task.candidateUsers)) {
        const id = refs.users.get(ref);
        if (!id) unresolvedRefs.push({ taskIndex: i, role: 'candidateUser', reference: ref });
        else if (!candidateUserIds.includes(id)) {
          candidateUserIds.push(id);
          links.push({ instanceId: null, taskId, userId: id, groupId: null, type: 'candidate' });
          participants.add(id);
        }
      }
      const candidateGroupIds: string[] = [];
      for (const ref of new Set(c.task.candidateGroups)) {
        const id = refs.groups.get(ref);
        if (!id) unresolvedRefs.push({ taskIndex: i, role: 'candidateGroup', reference: ref });
        else if (!candidateGroupIds.includes(id)) {
          candidateGroupIds.push(id);
          links.push({ instanceId: null, taskId, userId: null, groupId: id, type: 'candidate' });
        }
      }
      for (const userId of participants) {
        if (participantsLinked.has(userId)) continue;
        participantsLinked.add(userId);
        links.push({ instanceId, taskId: null, userId, groupId: null, type: 'participant' });
      }
      audit.push({
        instanceId,
        taskId,
        type: 'task-created',
        userId: scope.actorId,
        details: {
          taskName: c.task.name,
          taskDefinitionKey: c.nodeId,
          assigneeId,
          candidateUserIds,
          candidateGroupIds,
          formKey: c.task.formKey,
          dueDate: c.task.dueDate,
          priority: c.task.priority ?? 50,
        },
      });
    });
    // Warnings name the instance: logged once its id is known.
    const warnings: Array<(id: string) => string> = [];
    for (const u of unresolvedRefs) {
      const nodeId = created[u.taskIndex]!.nodeId;
      warnings.push((id) => `Instance ${id}, task ${nodeId}: ${u.role} '${u.reference}' names nobody in tenant ${tenantId}`);
      audit.push({
        instanceId,
        taskId: taskIds[u.taskIndex]!,
        type: 'task-assignment-unresolved',
        userId: null,
        details: { taskDefinitionKey: nodeId, role: u.role, reference: u.reference },
      });
    }

    // Activity history: rows started in this step end in this step when their end is here too.
    const taskOf = new Map(created.map((c, i) => [`${c.executionId}|${c.nodeId}`, taskIds[i]!]));
    const activities: Array<NewActivityRow & { ended: boolean }> = [];
    const endsOfEarlier: Array<{ executionId: string; activityId: string }> = [];
    const incidents: NewIncidentRow[] = [];
    const vars: Array<{ name: string } & TypedValue> = [...(extras.variables ?? [])];
    let ended: { endActivityId: string | null; reason: string | null } | null = null;
    for (const e of result.effects) {
      switch (e.type) {
        case 'activityStarted': {
          const node = model.nodes[e.nodeId];
          activities.push({
            executionId: e.executionId,
            activityId: e.nodeId,
            activityName: node?.name ?? null,
            activityType: node?.kind ?? 'unknown',
            taskId: taskOf.get(`${e.executionId}|${e.nodeId}`) ?? null,
            ended: false,
          });
          break;
        }
        case 'activityEnded': {
          let open = -1;
          for (let i = activities.length - 1; i >= 0; i--) {
            const a = activities[i]!;
            if (!a.ended && a.executionId === e.executionId && a.activityId === e.nodeId) {
              open = i;
              break;
            }
          }
          if (open >= 0) activities[open] = { ...activities[open]!, ended: true };
          else endsOfEarlier.push({ executionId: e.executionId, activityId: e.nodeId });
          break;
        }
        case 'setVariable': {
          const typed = toTypedValue(e.name, undefined, e.value);
          const at = vars.findIndex((v) => v.name === e.name);
          if (at >= 0) vars.splice(at, 1);
          vars.push({ name: e.name, ...typed });
          break;
        }
        case 'incident':
          warnings.push((id) => `Incident ${e.incidentType} on instance ${id} at ${e.nodeId}: ${e.message}`);
          incidents.push({ executionId: e.executionId, activityId: e.nodeId, type: e.incidentType, message: e.message });
          break;
        case 'instanceEnded':
          ended = { endActivityId: e.endNodeId, reason: e.terminated ? `Terminated by end event ${e.endNodeId ?? ''}`.trim() : null };
          audit.push({ instanceId, taskId: null, type: 'process-ended', userId: scope.actorId, details: { endActivityId: e.endNodeId, terminated: e.terminated } });
          break;
        case 'invokeService':
          await this.invokeService(scope, instanceId, e.executionId, e.nodeId, e.delegateExpression, vars);
          break;
        default:
          break;
      }
    }
    const isNew = scope.instanceId === null;
    const step = {
      executions: diffExecutions(before, result.state.executions),
      cancelledExecutionIds: cancelled,
      links,
      activityEnds: endsOfEarlier,
      activities,
      audit,
      incidents,
      newInstanceVariables: isNew ? vars : [],
      variablesChangedBy: scope.actorId,
      instance: { bumpVersion: extras.bumpVersion, ended },
    };
    if (oneStatement) {
      ({ instanceId, taskIds } = await this.writes.insertInstanceWithStep({ tenantId, definitionId: scope.definitionId, ...extras.newInstance! }, rows, step));
    } else {
      await this.writes.writeStep(tenantId, instanceId, step);
    }
    for (const warning of warnings) this.logger.warn(warning(instanceId));
    if (!isNew) await this.variables.set({ kind: 'instance', tenantId, instanceId }, vars, scope.actorId);

    for (const e of result.effects) {
      if (e.type === 'scheduleContinuation') {
        await this.bus.publish('process-engine.continuation.due', { instanceId, executionId: e.executionId }, tenantId);
      }
    }
    if (ended) {
      await this.bus.publish(
        'process-engine.instance.ended',
        { instanceId, definitionId: scope.definitionId, definitionKey: model.id, state: 'completed' },
        tenantId,
      );
    }
    return { instanceId, taskIds, ended: ended !== null, incidents: incidents.length };
  }

  private async invokeService(
    scope: StepScope,
    instanceId: string,
    executionId: string,
    nodeId: string,
    expression: string | null,
    vars: Array<{ name: string } & TypedValue>,
  ): Promise<void> {
    if (!expression) return;
    const delegate = this.delegates.get(delegateName(expression));
    if (!delegate) return;
    const current = scope.instanceId === null ? {} : await this.variables.valuesOf(scope.tenantId, instanceId);
    for (const v of vars) current[v.name] = v.value;
    const out = await delegate.execute({ tenantId: scope.tenantId, instanceId, executionId, nodeId, variables: current });
    for (const [name, value] of Object.entries(out ?? {})) {
      const at = vars.findIndex((v) => v.name === name);
      if (at >= 0) vars.splice(at, 1);
      vars.push({ name, ...toTypedValue(name, undefined, value) });
    }
  }
}

/** A priority the column takes (a 32-bit integer), else the default. */
function validPriority(p: number | null): number | null {
  return p !== null && Number.isInteger(p) && p >= -2147483648 && p <= 2147483647 ? p : null;
}

/** A due date PostgreSQL takes (the expression may have given anything), else none. */
function validDate(d: string | null): string | null {
  if (d === null || d === '') return null;
  const t = Date.parse(d);
  return Number.isNaN(t) || t < Date.UTC(1, 0, 1) || t > Date.UTC(9999, 11, 31) ? null : new Date(t).toISOString();
}

/** A trigger the state does not accept, as the error the caller shows (409). */
export function rejectionError(instanceId: string, rejected: TriggerRejection): Error {
  return EngineErrors.executionNotWaiting(instanceId, rejected.message);
}
