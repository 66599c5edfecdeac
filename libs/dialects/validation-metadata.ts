import { getMetadataStorage } from 'class-validator';

type Lookup = (
  targetConstructor: Function,
  targetSchema: string,
  always: boolean,
  strictGroups: boolean,
  groups?: string[],
) => ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>;

let installed = false;

/**
 * class-validator resolves a DTO's inherited rules by testing every decorated class of the
 * application on every validate() call (typestack/class-validator#2686, open): with this
 * application's several hundred DTOs that scan was the largest self-time frame of validation in
 * the engine benchmark's profile. A class's own and inherited rules are all registered when the
 * class is loaded — before anything can validate an instance of it — so the answer per class and
 * options is fixed: it is kept here (by class in a WeakMap, then by the options) after the first call.
 */
export function memoizeValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup = storage.getTargetValidationMetadatas.bind(storage) as Lookup;
  const byTarget = new WeakMap<Function, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = ((targetConstructor, targetSchema, always, strictGroups, groups) => {
    if (typeof targetConstructor !== 'function') return lookup(targetConstructor, targetSchema, always, strictGroups, groups);
    const key = `${targetSchema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let forTarget = byTarget.get(targetConstructor);
    if (!forTarget) {
      forTarget = new Map();
      byTarget.set(targetConstructor, forTarget);
    }
    let found = forTarget.get(key);
    if (!found) {
      found = lookup(targetConstructor, targetSchema, always, strictGroups, groups);
      forTarget.set(key, found);
    }
    return found;
  }) as Lookup;
}
