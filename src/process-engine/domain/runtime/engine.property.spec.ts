import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readBpmn } from '../../infrastructure/bpmn/read-bpmn.js';
import { processXml } from '../../../../test/fixtures/bpmn/engine-harness.js';
import type { ProcessModel } from '../model/process-model.js';
import { execute } from './engine.js';
import type { Effect, InstanceState } from './instance-state.js';

/**
 * Property tests on random structured (block-structured, acyclic) processes: sequences of user,
 * service and manual tasks, nested parallel fork/join blocks, exclusive and inclusive
 * split/merge blocks and embedded sub-processes, with random variable values and random orders
 * of completing the waiting tasks.
 */
type Block =
  | { readonly t: 'user' }
  | { readonly t: 'service' }
  | { readonly t: 'manual' }
  | { readonly t: 'seq'; readonly items: readonly Block[] }
  | { readonly t: 'parallel'; readonly branches: readonly Block[] }
  | { readonly t: 'exclusive'; readonly branches: readonly Block[] }
  | { readonly t: 'inclusive'; readonly branches: readonly Block[] }
  | { readonly t: 'sub'; readonly body: Block };

const blockArb: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'block' },
    { arbitrary: fc.constant({ t: 'user' } as const), weight: 4 },
    { arbitrary: fc.constant({ t: 'service' } as const), weight: 1 },
    { arbitrary: fc.constant({ t: 'manual' } as const), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('parallel' as const), branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('exclusive' as const), branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('inclusive' as const), branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('sub' as const), body: tie('block') }), weight: 1 },
  ),
})).block;

interface Built {
  readonly xml: string;
  /** Parallel and inclusive joins: the node after the join, and the last node of each branch. */
  readonly joins: Array<{ readonly join: string; readonly branchExits: readonly string[]; readonly kind: 'parallel' | 'inclusive' }>;
  /** Exclusive/inclusive gateways whose choice is a variable. */
  readonly choices: Array<{ readonly variable: string; readonly kind: 'exclusive' | 'inclusive'; readonly branches: number }>;
  /** The user tasks that must be created for these variables, sorted: one per activated user task. */
  readonly expectedTasks: (vars: Record<string, unknown>) => string[];
}

type Expect = (vars: Record<string, unknown>) => string[];

/** Renders a block as BPMN; returns its entry and exit node ids. */
function build(root: Block): Built {
  let n = 0;
  const out: string[] = [];
  const joins: Built['joins'] = [];
  const choices: Built['choices'] = [];
  const flow = (from: string, to: string, condition?: string) => {
    const id = `f${++n}`;
    out.push(
      condition
        ? `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><conditionExpression xsi:type="tFormalExpression">${condition}</conditionExpression></sequenceFlow>`
        : `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`,
    );
    return id;
  };
  const render = (b: Block): { entry: string; exit: string; tasks: Expect } => {
    const id = `${b.t}${++n}`;
    switch (b.t) {
      case 'user':
        out.push(`<userTask id="${id}" name="${id}"/>`);
        return { entry: id, exit: id, tasks: () => [id] };
      case 'service':
        out.push(`<serviceTask id="${id}" activiti:delegateExpression="\${bean}"/>`);
        return { entry: id, exit: id, tasks: () => [] };
      case 'manual':
        out.push(`<manualTask id="${id}"/>`);
        return { entry: id, exit: id, tasks: () => [] };
      case 'seq': {
        const parts = b.items.map(render);
        for (let k = 1; k < parts.length; k++) flow(parts[k - 1]!.exit, parts[k]!.entry);
        return { entry: parts[0]!.entry, exit: parts.at(-1)!.exit, tasks: (v) => parts.flatMap((p) => p.tasks(v)) };
      }
      case 'parallel':
      case 'exclusive':
      case 'inclusive': {
        const element = `${b.t}Gateway`;
        const split = `${id}_split`;
        const merge = `${id}_merge`;
        const variable = `v_${id}`;
        const parts = b.branches.map(render);
        const defaultFlowIndex = b.t === 'inclusive' ? 0 : -1;
        const flowIds = parts.map((p, k) => {
          const condition =
            b.t === 'exclusive' ? `\${${variable} == ${k}}` : b.t === 'inclusive' && k !== defaultFlowIndex ? `\${${variable}_${k}}` : undefined;
          return flow(split, p.entry, condition);
        });
        const defaultAttr = b.t === 'inclusive' ? ` default="${flowIds[0]}"` : '';
        out.push(`<${element} id="${split}"${defaultAttr}/>`, `<${element} id="${merge}"/>`);
        for (const p of parts) flow(p.exit, merge);
        if (b.t !== 'exclusive') joins.push({ join: merge, branchExits: parts.map((p) => p.exit), kind: b.t });
        if (b.t !== 'parallel') choices.push({ variable, kind: b.t, branches: parts.length });
        const tasks: Expect =
          b.t === 'parallel'
            ? (v) => parts.flatMap((p) => p.tasks(v))
            : b.t === 'exclusive'
              ? (v) => parts[v[variable] as number]!.tasks(v)
              : (v) => {
                  const on = parts.filter((_, k) => k > 0 && v[`${variable}_${k}`] === true);
                  return (on.length ? on : [parts[0]!]).flatMap((p) => p.tasks(v));
                };
        return { entry: split, exit: merge, tasks };
      }
      case 'sub': {
        const start = `${id}_start`;
        const end = `${id}_end`;
        out.push(`<subProcess id="${id}"><startEvent id="${start}"/>`);
        const inner = render(b.body);
        flow(start, inner.entry);
        flow(inner.exit, end);
        out.push(`<endEvent id="${end}"/></subProcess>`);
        return { entry: id, exit: id, tasks: inner.tasks };
      }
    }
  };
  out.push('<startEvent id="start"/>');
  const body = render(root);
  flow('start', body.entry);
  out.push('<endEvent id="end"/>');
  flow(body.exit, 'end');
  return { xml: processXml(out.join('\n')), joins, choices, expectedTasks: (v) => body.tasks(v).sort() };
}

/** Random variable values for every choice: the branch of an exclusive, the flags of an inclusive. */
function variablesFor(built: Built, seed: readonly number[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  let k = 0;
  const next = () => seed[k++ % seed.length]!;
  for (const c of built.choices) {
    if (c.kind === 'exclusive') vars[c.variable] = next() % c.branches;
    else for (let b = 1; b < c.branches; b++) vars[`${c.variable}_${b}`] = next() % 2 === 0;
  }
  return vars;
}

interface RunOutcome {
  readonly state: InstanceState;
  readonly log: readonly Effect[];
  readonly snapshots: readonly InstanceState[];
}

/** Starts the instance and completes waiting user tasks in the order `picks` gives, until none waits. */
function runToEnd(model: ProcessModel, variables: Record<string, unknown>, picks: readonly number[], stepBudget?: number): RunOutcome {
  let counter = 0;
  const ctx = { newId: () => `x${++counter}`, variables, now: '2026-01-01T00:00:00Z', ...(stepBudget ? { stepBudget } : {}) };
  const log: Effect[] = [];
  const snapshots: InstanceState[] = [];
  let r = execute(model, null, { type: 'start' }, ctx);
  for (let step = 0; ; step++) {
    if ('rejected' in r) throw new Error(`rejected: ${r.rejected.code}`);
    log.push(...r.effects);
    snapshots.push(r.state);
    const waiting = r.state.executions.filter((e) => e.status === 'waiting');
    if (waiting.length === 0 || step > 500) return { state: r.state, log, snapshots };
    const token = waiting[picks[step % picks.length]! % waiting.length]!;
    r = execute(model, r.state, { type: 'complete', executionId: token.id }, ctx);
  }
}

async function compile(xml: string): Promise<ProcessModel> {
  const r = await readBpmn(xml);
  if (!r.ok) throw new Error(`generated model does not compile: ${JSON.stringify(r.problems)}\n${xml}`);
  return r.models[0]!;
}

const scenario = fc.record({
  block: blockArb,
  seed: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
});

describe('engine properties on random structured processes', () => {
  it('every run completes: no exception, no incident, the step budget never runs out on an acyclic graph', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ block, seed, picks }) => {
        const built = build(block);
        const model = await compile(built.xml);
        const outcome = runToEnd(model, variablesFor(built, seed), picks);
        expect(outcome.log.filter((e) => e.type === 'incident')).toEqual([]);
        expect(outcome.state).toEqual({ status: 'completed', executions: [] });
        expect(outcome.log.at(-1)).toEqual({ type: 'instanceEnded', endNodeId: 'end', terminated: false });
      }),
      { numRuns: 150 },
    );
  });

  it('tokens are conserved: each activated user task is created exactly once (no duplicated or lost token)', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ block, seed, picks }) => {
        const built = build(block);
        const model = await compile(built.xml);
        const vars = variablesFor(built, seed);
        const outcome = runToEnd(model, vars, picks);
        const created = outcome.log.filter((e) => e.type === 'createUserTask').map((e) => e.nodeId);
        expect([...created].sort()).toEqual(built.expectedTasks(vars));
      }),
      { numRuns: 150 },
    );
  });

  it('the token tree stays well-formed after every step: unique ids, parents exist, scopes are not empty', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ block, seed, picks }) => {
        const built = build(block);
        const model = await compile(built.xml);
        const outcome = runToEnd(model, variablesFor(built, seed), picks);
        for (const s of outcome.snapshots) {
          const ids = new Set(s.executions.map((e) => e.id));
          expect(ids.size).toBe(s.executions.length);
          for (const e of s.executions) {
            if (e.kind === 'root') expect(e.parentId).toBeNull();
            else expect(ids.has(e.parentId!)).toBe(true);
            if (e.kind !== 'token') expect(s.executions.some((c) => c.parentId === e.id)).toBe(true);
            if (e.kind === 'token') expect(['waiting', 'joining']).toContain(e.status);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a join never passes before all its (activated) branches have arrived', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ block, seed, picks }) => {
        const built = build(block);
        const model = await compile(built.xml);
        const vars = variablesFor(built, seed);
        const outcome = runToEnd(model, vars, picks);
        for (const { join, branchExits } of built.joins) {
          // the join fired when its outgoing flow was taken: the first activityEnded at the join of the continuing token
          const started = outcome.log.map((e, k) => ({ e, k })).filter(({ e }) => e.type === 'activityStarted' && e.nodeId === join);
          if (started.length === 0) continue; // block not activated (inside an exclusive branch not taken)
          const firstLeave = outcome.log.findIndex((e) => e.type === 'activityEnded' && e.nodeId === join);
          const endedBefore = new Set(
            outcome.log
              .slice(0, firstLeave)
              .filter((e) => e.type === 'activityEnded')
              .map((e) => (e as Extract<Effect, { type: 'activityEnded' }>).nodeId),
          );
          const arrivedBefore = started.filter(({ k }) => k < firstLeave).length;
          const activated = branchExits.filter((x) => outcome.log.some((e) => e.type === 'activityEnded' && e.nodeId === x));
          expect(arrivedBefore).toBe(activated.length);
          for (const exit of activated) expect(endedBefore.has(exit)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('on random unstructured acyclic graphs every run ends or waits (joining, incident): never an exception, never the budget', async () => {
    await fc.assert(
      fc.asyncProperty(randomDag, fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), async (dag, flags, picks) => {
        const model = await compile(dag.xml);
        const vars = Object.fromEntries(dag.variables.map((v, k) => [v, flags[k % flags.length]!]));
        // chained forks without joins multiply tokens (one per path): a DAG of 13 nodes has at most
        // 2^12 paths, so the budget is raised beyond what such a graph can need
        const outcome = runToEnd(model, vars, picks, 200_000);
        expect(outcome.log.filter((e) => e.type === 'incident' && e.incidentType === 'STEP_BUDGET_EXHAUSTED')).toEqual([]);
        if (outcome.state.status === 'running') {
          const tokens = outcome.state.executions.filter((e) => e.kind === 'token');
          expect(tokens.length).toBeGreaterThan(0);
          for (const t of tokens) expect(['joining', 'incident']).toContain(t.status);
        } else expect(outcome.state).toEqual({ status: 'completed', executions: [] });
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * A random DAG: node 0 is the start; every other node has an incoming flow from an earlier node
 * (so all are reachable); flows only go forward. Gateways get conditions on some flows.
 */
const KINDS = ['userTask', 'serviceTask', 'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'endEvent', 'userTask'] as const;
const randomDag = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 12 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 })), { maxLength: 30 }),
    parents: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  })
  .map(({ kinds, edges, parents }) => {
    const n = kinds.length + 1;
    const kindOf = (i: number) => (i === 0 ? 'startEvent' : kinds[i - 1]!);
    const links = new Map<string, { from: number; to: number; c: number }>();
    for (let j = 1; j < n; j++) {
      const candidates = Array.from({ length: j }, (_, i) => i).filter((i) => kindOf(i) !== 'endEvent');
      const from = candidates[parents[j - 1]! % candidates.length]!;
      links.set(`${from}-${j}`, { from, to: j, c: 0 });
    }
    for (const [a, b, c] of edges) {
      const from = a % n;
      const to = b % n;
      if (from < to) links.set(`${from}-${to}`, { from, to, c });
    }
    const usable = [...links.values()].filter((l) => kindOf(l.from) !== 'endEvent');
    const variables: string[] = [];
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const kind = kindOf(i);
      const hasOut = usable.some((l) => l.from === i);
      // a gateway with no way out would be a compile problem: make it an end event instead
      const k = kind.endsWith('Gateway') && !hasOut ? 'endEvent' : kind;
      out.push(k === 'serviceTask' ? `<serviceTask id="n${i}"/>` : `<${k} id="n${i}"/>`);
    }
    usable.forEach((l, k) => {
      const gateway = kindOf(l.from) === 'exclusiveGateway' || kindOf(l.from) === 'inclusiveGateway';
      if (gateway && l.c > 0) {
        variables.push(`v${k}`);
        out.push(`<sequenceFlow id="f${k}" sourceRef="n${l.from}" targetRef="n${l.to}"><conditionExpression>\${v${k}}</conditionExpression></sequenceFlow>`);
      } else out.push(`<sequenceFlow id="f${k}" sourceRef="n${l.from}" targetRef="n${l.to}"/>`);
    });
    return { xml: processXml(out.join('')), variables };
  });
