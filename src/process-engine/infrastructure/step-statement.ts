/** One optional data-modifying CTE of a StepStatement. */
export interface StatementPart<S> {
  /** The CTE's name (`name AS (…)`); the frame may ask whether it is there. */
  readonly name: string;
  /** Whether the step has rows for this part (the CTE is left out otherwise). */
  readonly when: (step: S) => boolean;
  /**
   * The CTE, `name AS (…)` — or several, comma-separated, when they stand or fall together (the
   * first is `name`); `param(i)` is the SQL placeholder of the part's i-th parameter (0-based).
   */
  readonly sql: (param: (i: number) => string) => string;
  /** The part's parameters, in the order `sql` numbers them. */
  readonly values: (step: S) => readonly unknown[];
}

/**
 * A statement made of the CTEs a step has rows for. An engine step writes a handful of kinds of
 * rows (executions, links, history, audit, incidents, variables…), most steps only some of them; a
 * CTE over an empty array writes nothing but still costs PostgreSQL its executor set-up — opening
 * and locking the table and its indexes, building the function scan — on every execution (executor
 * set-up was a fifth of PostgreSQL's CPU on the engine benchmark; leaving empty CTEs out cut its CPU
 * per lifecycle by a tenth). So the statement names only the parts with rows. Its text depends only on which parts those are (at most 2^parts texts, a few in practice),
 * is built once per combination and kept: each combination stays one prepared statement.
 *
 * Parameters: `$1`…`$fixed` are the frame's own; each part's follow, numbered in part order.
 */
export class StepStatement<S> {
  private readonly texts = new Map<number, { readonly text: string; readonly parameters: number }>();

  constructor(
    private readonly fixed: number,
    private readonly parts: ReadonlyArray<StatementPart<S>>,
    /** The whole statement around the included CTEs. */
    private readonly frame: (ctes: readonly string[], has: (name: string) => boolean) => string,
  ) {
    if (parts.length > 30) throw new Error('StepStatement: at most 30 parts');
  }

  /** The text and parameters for `step`; `fixedValues` are `$1`…`$fixed`. `parts`: how many CTEs were included. */
  assemble(step: S, fixedValues: readonly unknown[]): { text: string; values: unknown[]; parts: number } {
    if (fixedValues.length !== this.fixed) throw new Error(`StepStatement: ${fixedValues.length} fixed values for ${this.fixed} parameters`);
    const values = [...fixedValues];
    let mask = 0;
    let included = 0;
    this.parts.forEach((part, i) => {
      if (!part.when(step)) return;
      mask |= 1 << i;
      included++;
      values.push(...part.values(step));
    });
    let built = this.texts.get(mask);
    if (built === undefined) {
      built = this.build(mask);
      this.texts.set(mask, built);
    }
    // A part whose values and placeholders disagree is a bug in its definition, not bad input.
    if (values.length !== built.parameters) throw new Error(`StepStatement: ${values.length} values for ${built.parameters} parameters`);
    return { text: built.text, values, parts: included };
  }

  private build(mask: number): { text: string; parameters: number } {
    let next = this.fixed + 1;
    const ctes: string[] = [];
    const names = new Set<string>();
    this.parts.forEach((part, i) => {
      if ((mask & (1 << i)) === 0) return;
      const first = next;
      let count = 0;
      const body = part.sql((k) => {
        count = Math.max(count, k + 1);
        return `$${first + k}`;
      });
      next = first + count;
      ctes.push(body);
      names.add(part.name);
    });
    return { text: this.frame(ctes, (name) => names.has(name)), parameters: next - 1 };
  }
}
