import type { DomainEventMap, DomainEventType } from '../../contracts/index.js';
import type { DomainEvent } from '../../kernel/domain-event.js';

/**
 * `in-transaction`: awaited inside the publisher's transaction; its error rolls the use case back.
 * `after-commit`: delivered from the outbox after the commit, at least once, idempotent by event id.
 */
export type DomainEventPhase = 'in-transaction' | 'after-commit';

export interface OnDomainEventOptions {
  readonly phase?: DomainEventPhase;
  /**
   * The after-commit handler's name as stored in outbox and processed-events rows. Defaults to
   * `ClassName.methodName`; set it to keep pending rows deliverable across a rename.
   */
  readonly name?: string;
}

export type DomainEventHandlerMethod<K extends DomainEventType> = (
  event: DomainEvent<K, DomainEventMap[K]>,
) => Promise<void> | void;

export interface HandlerDeclaration {
  readonly type: DomainEventType;
  readonly phase: DomainEventPhase;
  readonly name: string | undefined;
}

/*
 * Keyed by prototype and method name rather than by the method function: another decorator that
 * wraps the method (and so replaces the function) must not hide the declaration, whichever order
 * the decorators are written in.
 */
const declarations = new WeakMap<object, Map<string, HandlerDeclaration[]>>();

/**
 * Subscribes a method of a Nest provider to one event type, so that "X happened → this runs" reads
 * in one line at the handler: `@OnDomainEvent('process-engine.task.completed')`. The method's
 * parameter type is checked against the event's payload type. A method may carry several.
 */
export function OnDomainEvent<K extends DomainEventType>(type: K, options: OnDomainEventOptions = {}) {
  return <M extends DomainEventHandlerMethod<K>>(
    target: object,
    key: string | symbol,
    _descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    if (typeof key !== 'string') throw new Error(`@OnDomainEvent('${type}') needs a string-named method`);
    const phase = options.phase ?? 'in-transaction';
    if (options.name !== undefined && phase !== 'after-commit') {
      throw new Error(`@OnDomainEvent('${type}') on ${key}: only after-commit handlers are named (their name is persisted)`);
    }
    let byMethod = declarations.get(target);
    if (!byMethod) {
      byMethod = new Map();
      declarations.set(target, byMethod);
    }
    byMethod.set(key, [...(byMethod.get(key) ?? []), { type, phase, name: options.name }]);
  };
}

/** The declarations on `methodName`, looked up along the prototype chain (handlers may be inherited). */
export function handlerDeclarations(prototype: object, methodName: string): readonly HandlerDeclaration[] {
  for (let proto: object | null = prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const found = declarations.get(proto)?.get(methodName);
    if (found) return found;
  }
  return [];
}
