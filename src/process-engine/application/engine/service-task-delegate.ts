/**
 * The hook a service task calls (`activiti:delegateExpression="${name}"`, or `class`/`expression`
 * as written). In this version no delegate ships: a service task whose delegate is not registered
 * passes straight through (the issue: "a delegate expression left as a no-op hook"). A later issue
 * (connectors, scripts) registers implementations under SERVICE_TASK_DELEGATES by name.
 *
 * A delegate runs inside the engine step's transaction: it must not call the network (make it a
 * job instead) and may only return variables to set; throwing rolls the whole step back.
 */
export interface ServiceTaskDelegate {
  /** The name the model refers to: `${name}` in a delegate expression, or the class/expression text. */
  readonly name: string;
  execute(call: ServiceTaskCall): Promise<Readonly<Record<string, unknown>> | void>;
}

export interface ServiceTaskCall {
  readonly tenantId: string;
  readonly instanceId: string;
  readonly executionId: string;
  readonly nodeId: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Nest token: an array of ServiceTaskDelegate (empty by default). */
export const SERVICE_TASK_DELEGATES = Symbol('SERVICE_TASK_DELEGATES');

/** `${myDelegate}` → `myDelegate`; anything else as written, trimmed. */
export function delegateName(expression: string): string {
  const m = /^\s*[$#]\{\s*([^}]*?)\s*\}\s*$/.exec(expression);
  return (m ? m[1]! : expression).trim();
}
