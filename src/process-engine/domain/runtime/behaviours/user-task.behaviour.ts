import type { FlowNode, TextTemplate } from '../../model/process-model.js';
import type { ResolvedUserTask } from '../instance-state.js';
import { evaluateTemplate, parseTextTemplate, stringify, type Evaluated } from '../../expressions/expressions.js';
import { resolveDueDate } from '../iso-time.js';
import type { TokenRun } from '../token-run.js';
import type { Behaviour } from './behaviour.js';

/**
 * A wait state: the token waits and the application creates the task (createUserTask, templates
 * resolved now). `resume` (the task was completed) leaves through the outgoing flows. A template
 * that fails to resolve is an incident EXPRESSION_FAILED (no task is created).
 */
export const userTask: Behaviour = {
  enter(node, token, _via, run) {
    const task = resolveTask(node, run);
    if (!task.ok) {
      run.incident(token, 'EXPRESSION_FAILED', task.message);
      return;
    }
    token.status = 'waiting';
    run.emit({ type: 'createUserTask', executionId: token.id, nodeId: node.id, task: task.value });
  },
  resume(node, token, run) {
    run.leaveBy(token, run.activityFlows(node));
  },
};

class Failure extends Error {}

function resolveTask(node: FlowNode, run: TokenRun): Evaluated<ResolvedUserTask> {
  const spec = node.userTask!;
  const value = (template: TextTemplate | null, attribute: string): unknown => {
    if (template === null) return null;
    const r = evaluateTemplate(template, run.variables);
    if (!r.ok) throw new Failure(`${attribute} of user task '${node.id}': ${r.message}`);
    return r.value;
  };
  const text = (template: TextTemplate | null, attribute: string): string | null => {
    const v = value(template, attribute);
    const s = v === null || v === undefined ? '' : stringify(v).trim();
    return s === '' ? null : s;
  };
  /** An item may be an expression giving a list or a comma-separated text. */
  const list = (templates: readonly TextTemplate[], attribute: string): string[] => {
    const out: string[] = [];
    for (const t of templates) {
      const v = value(t, attribute);
      const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v === null || v === undefined ? [] : [v];
      for (const item of items) {
        const s = stringify(item).trim();
        if (s && !out.includes(s)) out.push(s);
      }
    }
    return out;
  };
  try {
    const due = text(spec.dueDate, 'dueDate');
    const dueDate = due === null ? null : resolveDueDate(due, run.ctx.now);
    if (due !== null && dueDate === null) throw new Failure(`dueDate of user task '${node.id}': '${due}' is neither an ISO 8601 date-time nor a duration`);
    const priorityText = text(spec.priority, 'priority');
    const priority = priorityText === null ? null : Number(priorityText);
    if (priority !== null && !Number.isInteger(priority)) throw new Failure(`priority of user task '${node.id}': '${priorityText}' is not a whole number`);
    return {
      ok: true,
      value: {
        name: resolvedName(node, run),
        documentation: node.documentation,
        assignee: text(spec.assignee, 'assignee'),
        candidateUsers: list(spec.candidateUsers, 'candidateUsers'),
        candidateGroups: list(spec.candidateGroups, 'candidateGroups'),
        formKey: spec.formKey,
        dueDate,
        priority,
        category: spec.category,
      },
    };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, message: e.message };
    throw e;
  }
}

/** Task names may hold `${…}` (Activiti resolves them); a name that does not resolve stays as written. */
function resolvedName(node: FlowNode, run: TokenRun): string | null {
  if (node.name === null || !node.name.includes('{')) return node.name;
  const t = parseTextTemplate(node.name);
  if (!t.ok) return node.name;
  const r = evaluateTemplate(t.value, run.variables);
  return r.ok ? stringify(r.value) : node.name;
}
