import type { StoredVariable } from '../../infrastructure/variable.store.js';

export interface ApsVariable {
  readonly name: string;
  readonly type: string | null;
  readonly value: unknown;
}

export interface ApsTaskVariable extends ApsVariable {
  readonly scope: 'local' | 'global';
}

/** Stored dates are ISO 8601 in UTC; aps writes `+0000` for `Z` (libs/dialects/dates.ts). */
function wireValue(v: StoredVariable): unknown {
  return v.type === 'date' && typeof v.value === 'string' ? v.value.replace(/Z$/, '+0000') : v.value;
}

export function toApsVariable(v: StoredVariable): ApsVariable {
  return { name: v.name, type: v.type === 'null' ? null : v.type, value: wireValue(v) };
}

export function toApsTaskVariable(v: StoredVariable): ApsTaskVariable {
  return { name: v.name, scope: v.scope, type: v.type === 'null' ? null : v.type, value: wireValue(v) };
}
