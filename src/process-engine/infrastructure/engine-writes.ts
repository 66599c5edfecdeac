import { Injectable } from '@nestjs/common';
import { instanceColumns, WrittenInstanceRows } from './instance-columns.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import type { TypedValue } from '../domain/variables/typed-value.js';
import { executionColumns, type ExecutionDiff } from './execution.repository.js';
import { StepStatement, type StatementPart } from './step-statement.js';

export interface NewTaskRow {
  readonly executionId: string;
  readonly taskDefinitionKey: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly category: string | null;
  readonly formKey: string | null;
  readonly assigneeId: string | null;
  readonly priority: number | null;
  readonly dueDate: string | null;
}

export interface NewInstanceRow {
  readonly tenantId: string;
  readonly definitionId: string;
  readonly name: string | null;
  readonly businessKey: string | null;
  readonly startedBy: string;
  readonly startActivityId: string | null;
}

export interface NewLinkRow {
  /** Exactly one of instanceId and taskId. */
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly userId: string | null;
  readonly groupId: string | null;
  readonly type: string;
}

export interface NewActivityRow {
  readonly executionId: string;
  readonly activityId: string;
  readonly activityName: string | null;
  readonly activityType: string;
  readonly taskId: string | null;
  readonly ended: boolean;
}

export interface NewAuditRow {
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly type: string;
  readonly userId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface NewIncidentRow {
  readonly executionId: string;
  readonly activityId: string;
  readonly type: string;
  readonly message: string;
}

export interface StepRows {
  readonly executions: ExecutionDiff;
  readonly cancelledExecutionIds: readonly string[];
  readonly links: readonly NewLinkRow[];
  readonly activityEnds: ReadonlyArray<{ readonly executionId: string; readonly activityId: string }>;
  readonly activities: readonly NewActivityRow[];
  readonly audit: readonly NewAuditRow[];
  readonly incidents: readonly NewIncidentRow[];
  /** Variables of an instance inserted in this step (nothing to replace: plain inserts with `created` history). */
  readonly newInstanceVariables: ReadonlyArray<{ readonly name: string } & TypedValue>;
  readonly variablesChangedBy: string | null;
  readonly instance: {
    readonly bumpVersion: boolean;
    readonly ended: { readonly endActivityId: string | null; readonly reason: string | null } | null;
  };
}

const NULL_IF_EMPTY = (v: string | null): string | null => (v === null || v === '' ? null : v);

/** The task rows as CTE `x`, from the nine taskColumns arrays starting at parameter `$first`. */
const TASK_ROWS = (first: number): string => {
  const p = (i: number): string => `$${first + i}`;
  return `x AS (SELECT * FROM unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[],
                  ${p(6)}::bigint[], ${p(7)}::int[], ${p(8)}::timestamptz[])
                  WITH ORDINALITY AS x(execution_id, key, name, description, category, form_key, assignee_id, priority, due_date, ord))`;
};

/** INSERT of the tasks of CTE `x` ($1 tenant, $2 definition id) for the instance given as SQL. */
const INSERT_TASKS = (instance: string): string => `
  INSERT INTO process_engine.tasks
    (tenant_id, instance_id, execution_id, definition_id, task_definition_key, name, description, category, form_key, assignee_id, priority, due_date)
  SELECT $1, ${instance}, x.execution_id, $2, x.key, x.name, x.description, x.category, x.form_key, x.assignee_id, coalesce(x.priority, 50), x.due_date
    FROM x ORDER BY x.ord`;

function taskColumns(tasks: readonly NewTaskRow[]): unknown[] {
  return [
    tasks.map((t) => t.executionId),
    tasks.map((t) => t.taskDefinitionKey),
    tasks.map((t) => t.name),
    tasks.map((t) => t.description),
    tasks.map((t) => t.category),
    tasks.map((t) => t.formKey),
    tasks.map((t) => t.assigneeId),
    tasks.map((t) => t.priority),
    tasks.map((t) => NULL_IF_EMPTY(t.dueDate)),
  ];
}

/** One open task per execution: map RETURNING rows (unordered) back to the input order. */
function idsInOrder(tasks: readonly NewTaskRow[], rows: ReadonlyArray<{ id: string; executionId: string }>): string[] {
  const byExecution = new Map(rows.map((r) => [r.executionId, r.id]));
  return tasks.map((t) => byExecution.get(t.executionId)!);
}

/** Tasks of an instance ($3) of definition $2, columns from $4 (taskColumns). */
const INSERT_TASKS_STATEMENT = `WITH ${TASK_ROWS(4)}
       ${INSERT_TASKS('$3::bigint')}
       RETURNING id::text AS id, execution_id::text AS "executionId"`;

/** An instance ($1…$6) and its first tasks (taskColumns from $7). */
const INSERT_INSTANCE_STATEMENT = `WITH inst AS (
         INSERT INTO process_engine.process_instances (tenant_id, definition_id, name, business_key, started_by, start_activity_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id),
       ${TASK_ROWS(7)},
       t AS (${INSERT_TASKS('(SELECT id FROM inst)')} RETURNING id, execution_id)
       SELECT (SELECT id::text FROM inst) AS "instanceId",
              (SELECT json_agg(json_build_object('id', t.id::text, 'executionId', t.execution_id::text)) FROM t) AS tasks`;

/** Placeholder id of the instance that `insertInstanceWithStep` inserts, in the rows given to it. */
export const NEW_INSTANCE_ID = 'new-instance';
const NEW_TASK = 'new-task:';
/** Placeholder id of the `index`-th task (0-based) that `insertInstanceWithStep` inserts. */
export function newTaskId(index: number): string {
  return `${NEW_TASK}${index}`;
}

/** The 1-based position of a placeholder task id, null for none; a real id here is a bug. */
function taskOrdinal(taskId: string | null): number | null {
  if (taskId === null) return null;
  if (!taskId.startsWith(NEW_TASK)) throw new Error(`insertInstanceWithStep: task id ${taskId} is not one of the new instance's`);
  return Number(taskId.slice(NEW_TASK.length)) + 1;
}

/** Whether a row's instance id names the new instance (placeholder); null for none; a real id here is a bug. */
function onNewInstance(instanceId: string | null): boolean {
  if (instanceId === null) return false;
  if (instanceId !== NEW_INSTANCE_ID) throw new Error(`insertInstanceWithStep: instance id ${instanceId} is not the new instance's`);
  return true;
}

/** Executions a step inserts, for the instance given as SQL (`(SELECT id FROM inst)` for a new one, else `$2`). */
const insertExecutionsPart = (instance: string): StatementPart<StepRows> => ({
  name: 'ins_exec',
  when: (s) => s.executions.inserted.length > 0,
  sql: (p) => `ins_exec AS (
           INSERT INTO process_engine.executions (id, tenant_id, instance_id, parent_id, kind, node_id, status, arrived_via, data)
           SELECT x.id, $1, ${instance}, x.parent_id, x.kind, x.node_id, x.status, x.arrived_via, x.data::jsonb
             FROM unnest(${p(0)}::uuid[], ${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::text[])
                  AS x(id, parent_id, kind, node_id, status, arrived_via, data))`,
  values: (s) => executionColumns(s.executions.inserted),
});

/** Incidents a step records (the instance as in insertExecutionsPart). */
const incidentsPart = (instance: string): StatementPart<StepRows> => ({
  name: 'inc',
  when: (s) => s.incidents.length > 0,
  sql: (p) => `inc AS (
           INSERT INTO process_engine.incidents (tenant_id, instance_id, execution_id, activity_id, type, message)
           SELECT $1, ${instance}, x.execution_id, x.activity_id, x.type, left(x.message, 4000)
             FROM unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[]) AS x(execution_id, activity_id, type, message))`,
  values: (s) => [
    s.incidents.map((r) => r.executionId),
    s.incidents.map((r) => r.activityId),
    s.incidents.map((r) => r.type),
    s.incidents.map((r) => r.message),
  ],
});

/**
 * New instance variables with their `created` history (the instance as in insertExecutionsPart);
 * `returning`: what CTE `vars` answers to the rest of the statement.
 */
const newVariablesPart = (instance: string, returning = ''): StatementPart<StepRows> => ({
  name: 'vars',
  when: (s) => s.newInstanceVariables.length > 0,
  sql: (p) => `vars AS (
           INSERT INTO process_engine.variables (tenant_id, instance_id, name, type, value)
           SELECT $1, ${instance}, x.name, x.type, x.value::jsonb FROM unnest(${p(0)}::text[], ${p(1)}::text[], ${p(2)}::text[]) AS x(name, type, value)
           ${returning}),
         var_hist AS (
           INSERT INTO process_engine.variable_history (tenant_id, instance_id, name, type, value, change, changed_by)
           SELECT $1, ${instance}, x.name, x.type, x.value::jsonb, 'created', ${p(3)}::bigint
             FROM unnest(${p(0)}::text[], ${p(1)}::text[], ${p(2)}::text[]) AS x(name, type, value))`,
  values: (s) => [
    s.newInstanceVariables.map((v) => v.name),
    s.newInstanceVariables.map((v) => v.type),
    s.newInstanceVariables.map((v) => JSON.stringify(v.value ?? null)),
    s.variablesChangedBy,
  ],
});

/**
 * The optional parts of START_STATEMENT. Their rows name the new instance and its tasks by
 * placeholder (NEW_INSTANCE_ID, newTaskId), resolved to `(SELECT id FROM inst)` and CTE `tk`.
 */
const START_PARTS: ReadonlyArray<StatementPart<StepRows>> = [
  insertExecutionsPart('(SELECT id FROM inst)'),
  {
    name: 'links',
    when: (s) => s.links.length > 0,
    sql: (p) => `links AS (
           INSERT INTO process_engine.identity_links (tenant_id, instance_id, task_id, user_id, group_id, type)
           SELECT $1, CASE WHEN l.on_instance THEN (SELECT id FROM inst) END, (SELECT tk.id FROM tk WHERE tk.ord = l.task_ord), l.user_id, l.group_id, l.type
             FROM unnest(${p(0)}::boolean[], ${p(1)}::int[], ${p(2)}::bigint[], ${p(3)}::bigint[], ${p(4)}::text[]) AS l(on_instance, task_ord, user_id, group_id, type)
           ON CONFLICT DO NOTHING)`,
    values: (s) => [
      s.links.map((l) => onNewInstance(l.instanceId)),
      s.links.map((l) => taskOrdinal(l.taskId)),
      s.links.map((l) => l.userId),
      s.links.map((l) => l.groupId),
      s.links.map((l) => l.type),
    ],
  },
  {
    name: 'act_ins',
    when: (s) => s.activities.length > 0,
    sql: (p) => `act_ins AS (
           INSERT INTO process_engine.activity_history (tenant_id, instance_id, execution_id, activity_id, activity_name, activity_type, task_id, ended_at)
           SELECT $1, (SELECT id FROM inst), a.execution_id, a.activity_id, a.activity_name, a.activity_type, (SELECT tk.id FROM tk WHERE tk.ord = a.task_ord),
                  CASE WHEN a.ended THEN now() END
             FROM unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::int[], ${p(5)}::boolean[]) WITH ORDINALITY
                  AS a(execution_id, activity_id, activity_name, activity_type, task_ord, ended, ord)
            ORDER BY a.ord)`,
    values: (s) => [
      s.activities.map((r) => r.executionId),
      s.activities.map((r) => r.activityId),
      s.activities.map((r) => r.activityName),
      s.activities.map((r) => r.activityType),
      s.activities.map((r) => taskOrdinal(r.taskId)),
      s.activities.map((r) => r.ended),
    ],
  },
  {
    name: 'audit',
    when: (s) => s.audit.length > 0,
    sql: (p) => `audit AS (
           INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
           SELECT $1, CASE WHEN r.on_instance THEN (SELECT id FROM inst) END, (SELECT tk.id FROM tk WHERE tk.ord = r.task_ord), r.type, r.user_id, r.details::jsonb
             FROM unnest(${p(0)}::boolean[], ${p(1)}::int[], ${p(2)}::text[], ${p(3)}::bigint[], ${p(4)}::text[]) WITH ORDINALITY
                  AS r(on_instance, task_ord, type, user_id, details, ord)
            ORDER BY r.ord)`,
    values: (s) => [
      s.audit.map((r) => onNewInstance(r.instanceId)),
      s.audit.map((r) => taskOrdinal(r.taskId)),
      s.audit.map((r) => r.type),
      s.audit.map((r) => r.userId),
      s.audit.map((r) => JSON.stringify(r.details)),
    ],
  },
  incidentsPart('(SELECT id FROM inst)'),
  newVariablesPart('(SELECT id FROM inst)', 'RETURNING name, type, value'),
];

/**
 * The start of an instance: the instance row ($1 tenant, $2 definition … $10), its tasks (CTE `x`,
 * $11…$19, those of executions the step cancelled, $20, inserted as cancelled) and the START_PARTS
 * the step has rows for; answers the instance as its view reads it and the tasks' ids by position.
 */
const START_STATEMENT = new StepStatement<StepRows>(20, START_PARTS, (ctes, has) => `WITH
         inst AS (
           INSERT INTO process_engine.process_instances
             (tenant_id, definition_id, name, business_key, started_by, start_activity_id, incidents, state, ended_at, end_activity_id, end_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7::int, CASE WHEN $8::boolean THEN 'completed' ELSE 'running' END,
                   CASE WHEN $8::boolean THEN now() END, $9, $10)
           RETURNING id, tenant_id, name, business_key, state, started_at, ended_at, end_reason, started_by, definition_id),
         ${TASK_ROWS(11)},
         t AS (
           INSERT INTO process_engine.tasks
             (tenant_id, instance_id, execution_id, definition_id, task_definition_key, name, description, category, form_key, assignee_id, priority, due_date,
              ended_at, end_reason, version)
           SELECT $1, (SELECT id FROM inst), x.execution_id, $2, x.key, x.name, x.description, x.category, x.form_key, x.assignee_id, coalesce(x.priority, 50), x.due_date,
                  CASE WHEN x.execution_id = ANY($20::uuid[]) THEN now() END, CASE WHEN x.execution_id = ANY($20::uuid[]) THEN 'cancelled' END,
                  CASE WHEN x.execution_id = ANY($20::uuid[]) THEN 2 ELSE 1 END
             FROM x ORDER BY x.ord
           RETURNING id, execution_id),
         tk AS (SELECT x.ord, t.id FROM x JOIN t ON t.execution_id = x.execution_id)${ctes.map((c) => `,\n         ${c}`).join('')}
       SELECT p.id::text AS "instanceId",
              (SELECT json_agg(json_build_object('ord', tk.ord, 'id', tk.id::text)) FROM tk) AS tasks,
              ${instanceColumns('$7::int')},
              ${has('vars') ? `coalesce((SELECT json_agg(json_build_object('name', v.name, 'type', v.type, 'value', v.value) ORDER BY v.name) FROM vars v), '[]')` : `'[]'::json`}
                AS "instanceVariables"
         FROM inst p JOIN process_engine.process_definitions d ON d.id = p.definition_id`);

/** A step of a running instance ($1 tenant, $2 instance): the parts it has rows for. */
const STEP_STATEMENT = new StepStatement<StepRows>(
  2,
  [
    {
      name: 'del_exec',
      when: (s) => s.executions.deleted.length > 0,
      sql: (p) => `del_exec AS (DELETE FROM process_engine.executions WHERE instance_id = $2 AND id = ANY(${p(0)}::uuid[]))`,
      values: (s) => [s.executions.deleted],
    },
    insertExecutionsPart('$2'),
    {
      name: 'upd_exec',
      when: (s) => s.executions.updated.length > 0,
      sql: (p) => `upd_exec AS (
           UPDATE process_engine.executions e
              SET parent_id = x.parent_id, kind = x.kind, node_id = x.node_id, status = x.status, arrived_via = x.arrived_via, data = x.data::jsonb
             FROM unnest(${p(0)}::uuid[], ${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::text[], ${p(5)}::text[], ${p(6)}::text[])
                  AS x(id, parent_id, kind, node_id, status, arrived_via, data)
            WHERE e.id = x.id AND e.instance_id = $2)`,
      values: (s) => executionColumns(s.executions.updated),
    },
    {
      name: 'cancelled',
      when: (s) => s.cancelledExecutionIds.length > 0,
      sql: (p) => `cancelled AS (
           UPDATE process_engine.tasks SET ended_at = now(), end_reason = 'cancelled', version = version + 1
            WHERE instance_id = $2 AND execution_id = ANY(${p(0)}::uuid[]) AND ended_at IS NULL)`,
      values: (s) => [s.cancelledExecutionIds],
    },
    {
      name: 'links',
      when: (s) => s.links.length > 0,
      sql: (p) => `links AS (
           INSERT INTO process_engine.identity_links (tenant_id, instance_id, task_id, user_id, group_id, type)
           SELECT $1, x.instance_id, x.task_id, x.user_id, x.group_id, x.type
             FROM unnest(${p(0)}::bigint[], ${p(1)}::bigint[], ${p(2)}::bigint[], ${p(3)}::bigint[], ${p(4)}::text[]) AS x(instance_id, task_id, user_id, group_id, type)
           ON CONFLICT DO NOTHING)`,
      values: (s) => [
        s.links.map((l) => l.instanceId),
        s.links.map((l) => l.taskId),
        s.links.map((l) => l.userId),
        s.links.map((l) => l.groupId),
        s.links.map((l) => l.type),
      ],
    },
    {
      name: 'act_end',
      when: (s) => s.activityEnds.length > 0,
      sql: (p) => `act_end AS (
           UPDATE process_engine.activity_history h SET ended_at = now()
             FROM unnest(${p(0)}::uuid[], ${p(1)}::text[]) AS x(execution_id, activity_id)
            WHERE h.instance_id = $2 AND h.execution_id = x.execution_id AND h.activity_id = x.activity_id AND h.ended_at IS NULL)`,
      values: (s) => [s.activityEnds.map((e) => e.executionId), s.activityEnds.map((e) => e.activityId)],
    },
    {
      name: 'act_ins',
      when: (s) => s.activities.length > 0,
      sql: (p) => `act_ins AS (
           INSERT INTO process_engine.activity_history (tenant_id, instance_id, execution_id, activity_id, activity_name, activity_type, task_id, ended_at)
           SELECT $1, $2, x.execution_id, x.activity_id, x.activity_name, x.activity_type, x.task_id, CASE WHEN x.ended THEN now() END
             FROM unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::bigint[], ${p(5)}::boolean[]) WITH ORDINALITY
                  AS x(execution_id, activity_id, activity_name, activity_type, task_id, ended, ord)
            ORDER BY x.ord)`,
      values: (s) => [
        s.activities.map((r) => r.executionId),
        s.activities.map((r) => r.activityId),
        s.activities.map((r) => r.activityName),
        s.activities.map((r) => r.activityType),
        s.activities.map((r) => r.taskId),
        s.activities.map((r) => r.ended),
      ],
    },
    {
      name: 'audit',
      when: (s) => s.audit.length > 0,
      sql: (p) => `audit AS (
           INSERT INTO process_engine.audit_entries (tenant_id, instance_id, task_id, type, user_id, details)
           SELECT $1, x.instance_id, x.task_id, x.type, x.user_id, x.details::jsonb
             FROM unnest(${p(0)}::bigint[], ${p(1)}::bigint[], ${p(2)}::text[], ${p(3)}::bigint[], ${p(4)}::text[]) WITH ORDINALITY
                  AS x(instance_id, task_id, type, user_id, details, ord)
            ORDER BY x.ord)`,
      values: (s) => [
        s.audit.map((r) => r.instanceId),
        s.audit.map((r) => r.taskId),
        s.audit.map((r) => r.type),
        s.audit.map((r) => r.userId),
        s.audit.map((r) => JSON.stringify(r.details)),
      ],
    },
    incidentsPart('$2'),
    newVariablesPart('$2'),
    {
      name: 'inst',
      when: (s) => s.instance.bumpVersion || s.incidents.length > 0 || s.instance.ended !== null,
      sql: (p) => `inst AS (
           UPDATE process_engine.process_instances
              SET version = version + ${p(0)}::int, incidents = incidents + ${p(1)}::int,
                  state = CASE WHEN ${p(2)}::boolean THEN 'completed' ELSE state END,
                  ended_at = CASE WHEN ${p(2)}::boolean THEN now() ELSE ended_at END,
                  end_activity_id = CASE WHEN ${p(2)}::boolean THEN ${p(3)} ELSE end_activity_id END,
                  end_reason = CASE WHEN ${p(2)}::boolean THEN ${p(4)} ELSE end_reason END
            WHERE id = $2)`,
      values: (s) => [
        s.instance.bumpVersion ? 1 : 0,
        s.incidents.length,
        s.instance.ended !== null,
        s.instance.ended?.endActivityId ?? null,
        s.instance.ended?.reason ?? null,
      ],
    },
  ],
  // The SELECT names both fixed parameters: PostgreSQL infers every parameter's type from the text,
  // and the parts a step has may use neither.
  (ctes) => `WITH\n         ${ctes.join(',\n         ')}\n       SELECT $1::bigint AS "tenantId", $2::bigint AS "instanceId"`,
);

/**
 * The rows an engine step writes, each kind in one statement whatever the number of rows (unnest of
 * arrays: the text depends only on which kinds there are, so each stays prepared).
 */
@Injectable()
export class EngineWrites {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly writtenRows: WrittenInstanceRows,
  ) {}

  /** Inserts user tasks; answers their ids in the order given. */
  async insertTasks(tenantId: string, instanceId: string, definitionId: string, tasks: readonly NewTaskRow[]): Promise<string[]> {
    if (tasks.length === 0) return [];
    const rows = await this.uow.query<{ id: string; executionId: string }>(INSERT_TASKS_STATEMENT, [tenantId, definitionId, instanceId, ...taskColumns(tasks)]);
    return idsInOrder(tasks, rows);
  }

  /** Inserts a new instance and its first tasks in one statement; answers their ids. */
  async insertInstance(instance: NewInstanceRow, tasks: readonly NewTaskRow[]): Promise<{ instanceId: string; taskIds: string[] }> {
    const [row] = await this.uow.query<{ instanceId: string; tasks: Array<{ id: string; executionId: string }> | null }>(INSERT_INSTANCE_STATEMENT, [
      instance.tenantId,
      instance.definitionId,
      instance.name,
      instance.businessKey,
      instance.startedBy,
      instance.startActivityId,
      ...taskColumns(tasks),
    ]);
    return { instanceId: row!.instanceId, taskIds: idsInOrder(tasks, row!.tasks ?? []) };
  }

  /**
   * A new instance and everything its first step writes, in ONE statement: the instance row (ended
   * already when the step ran to an end), its tasks (those of executions the step also cancelled
   * inserted as cancelled), executions, identity links, activity history, audit entries, incidents
   * and variables with their history. Rows name the instance and its tasks by the placeholders
   * NEW_INSTANCE_ID and newTaskId(i) (i: index in `tasks`), resolved here to the generated ids.
   * Answers those ids, tasks in the order given.
   */
  async insertInstanceWithStep(
    instance: NewInstanceRow,
    tasks: readonly NewTaskRow[],
    step: StepRows,
  ): Promise<{ instanceId: string; taskIds: string[] }> {
    if (step.executions.updated.length > 0 || step.executions.deleted.length > 0 || step.activityEnds.length > 0) {
      throw new Error('insertInstanceWithStep: a new instance has no earlier executions or activities');
    }
    const ended = step.instance.ended;
    const { text, values } = START_STATEMENT.assemble(step, [
      instance.tenantId,
      instance.definitionId,
      instance.name,
      instance.businessKey,
      instance.startedBy,
      instance.startActivityId,
      step.incidents.length,
      ended !== null,
      ended?.endActivityId ?? null,
      ended?.reason ?? null,
      ...taskColumns(tasks),
      step.cancelledExecutionIds,
    ]);
    const [row] = await this.uow.query<{ instanceId: string; tasks: Array<{ ord: number; id: string }> | null } & Record<string, unknown>>(text, values);
    const { instanceId, tasks: written, ...view } = row!;
    // The instance as its view reads it (InstanceReader.one), from what this statement wrote.
    this.writtenRows.keep(instanceId, view);
    const byOrd = new Map((written ?? []).map((r) => [r.ord, r.id]));
    return { instanceId, taskIds: tasks.map((_, i) => byOrd.get(i + 1)!) };
  }

  /** Candidate starters of definitions (identity links of type `candidate`, Activiti's). */
  async insertDefinitionLinks(
    tenantId: string,
    links: ReadonlyArray<{ readonly definitionId: string; readonly userId: string | null; readonly groupId: string | null }>,
  ): Promise<void> {
    if (links.length === 0) return;
    await this.uow.query(
      `INSERT INTO process_engine.identity_links (tenant_id, definition_id, user_id, group_id, type)
       SELECT $1, x.definition_id, x.user_id, x.group_id, 'candidate'
         FROM unnest($2::text[], $3::bigint[], $4::bigint[]) AS x(definition_id, user_id, group_id)
       ON CONFLICT DO NOTHING`,
      [tenantId, links.map((l) => l.definitionId), links.map((l) => l.userId), links.map((l) => l.groupId)],
    );
  }

  /**
   * Everything an engine step writes besides its new tasks, in ONE statement (data-modifying CTEs
   * over unnest arrays, only those the step has rows for — see StepStatement): the token-tree diff,
   * the open tasks of cancelled executions, identity links, activity history (ends of earlier rows
   * and new rows), audit entries, incidents, new instance variables, and the instance row (version,
   * incident count, end). A step that writes nothing sends nothing.
   */
  async writeStep(tenantId: string, instanceId: string, step: StepRows): Promise<void> {
    const assembled = STEP_STATEMENT.assemble(step, [tenantId, instanceId]);
    if (assembled.parts === 0) return;
    await this.uow.query(assembled.text, assembled.values);
  }
}
