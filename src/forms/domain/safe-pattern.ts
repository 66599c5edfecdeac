/**
 * Regular expressions of form fields (`regexPattern`) are user input run on the server, so they are
 * checked before use (no regex library with linear-time guarantees is available to us):
 * - at most {@link MAX_PATTERN_LENGTH} characters, and it must compile as a JavaScript RegExp;
 * - no back-references, and no unbounded repetition (`*`, `+`, `{n,}`, `{n,m}` with m > 1) of a
 *   group that itself contains a repetition or an alternation — the shapes behind catastrophic
 *   backtracking (`(a+)+`, `(a|a)*`). `(foo|bar)+` is refused too: write `(?:foo|bar)` once, or
 *   a character class;
 * - a value is matched only when it has at most {@link MAX_MATCHED_LENGTH} characters (longer
 *   values fail the pattern).
 * The pattern must match the whole value (as Java's `matches()` and Alfresco's form runtime do).
 */
export const MAX_PATTERN_LENGTH = 500;
export const MAX_MATCHED_LENGTH = 10_000;

interface GroupScan {
  repeats: boolean;
  alternates: boolean;
}

/** null when the pattern is acceptable, else why not. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `must be at most ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern);
  } catch {
    return 'is not a valid regular expression';
  }
  const stack: GroupScan[] = [{ repeats: false, alternates: false }];
  let i = 0;
  /** Length of an unbounded quantifier at `at`, 0 when there is none (a bounded one counts as a repetition too). */
  const quantifierAt = (at: number): { length: number; unbounded: boolean } => {
    const c = pattern[at];
    if (c === '*' || c === '+') return { length: 1, unbounded: true };
    if (c === '?') return { length: 1, unbounded: false };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
      if (!m) return { length: 0, unbounded: false };
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      return { length: m[0].length, unbounded: max > 1 };
    }
    return { length: 0, unbounded: false };
  };
  const skipLazy = (at: number): number => (pattern[at] === '?' ? at + 1 : at);
  while (i < pattern.length) {
    const c = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'must not use back-references';
      i += 2;
    } else if (c === '[') {
      i += 1;
      if (pattern[i] === '^') i += 1;
      if (pattern[i] === ']') i += 1;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      i += 1;
      if (pattern[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        i += 1;
        if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
          while (i < pattern.length && pattern[i] !== '>') i += 1;
        }
        i += 1;
      }
      continue;
    } else if (c === ')') {
      const group = stack.pop()!;
      const parent = stack[stack.length - 1] ?? top;
      const q = quantifierAt(i + 1);
      if (q.length > 0) {
        if (q.unbounded && (group.repeats || group.alternates)) return 'must not repeat a group that contains a repetition or an alternation (catastrophic backtracking)';
        parent.repeats = true;
        i = skipLazy(i + 1 + q.length);
      } else i += 1;
      parent.repeats ||= group.repeats;
      parent.alternates ||= group.alternates;
      continue;
    } else if (c === '|') {
      top.alternates = true;
      i += 1;
    } else {
      i += 1;
    }
    const q = quantifierAt(i);
    if (q.length > 0 && c !== '(' && c !== '|') {
      stack[stack.length - 1]!.repeats = true;
      i = skipLazy(i + q.length);
    }
  }
  return null;
}

/** The compiled whole-value matcher of an acceptable pattern (check it with patternProblem first). */
export function wholeValueMatcher(pattern: string): (value: string) => boolean {
  const re = new RegExp(`^(?:${pattern})$`);
  return (value) => value.length <= MAX_MATCHED_LENGTH && re.test(value);
}
