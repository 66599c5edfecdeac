import { DomainError } from '../../../libs/kernel/domain-error.js';

/**
 * Coded errors of the process-engine context. Each track adds its own factory here; codes are
 * `ENGINE.<RULE>`. Dialect filters map the kind to the status code and error body.
 */
export const EngineErrors = {
  instanceNotFound: (id: string) => DomainError.notFound('ENGINE.INSTANCE_NOT_FOUND', `Process instance ${id} not found`, { field: 'processInstanceId', value: id }),
  taskNotFound: (id: string) => DomainError.notFound('ENGINE.TASK_NOT_FOUND', `Task ${id} not found`, { field: 'taskId', value: id }),
  definitionNotFound: (id: string) =>
    DomainError.notFound('ENGINE.DEFINITION_NOT_FOUND', `Process definition ${id} not found`, { field: 'processDefinitionId', value: id }),
  notInvolved: (what: 'task' | 'process instance', id: string) =>
    DomainError.forbidden('ENGINE.NOT_INVOLVED', `You are not involved in ${what} ${id}`, { value: id }),
  /** Two completions (or a completion and a change) raced for one task: the loser gets 409. */
  taskChanged: (id: string) =>
    DomainError.conflict('ENGINE.TASK_CHANGED', `Task ${id} was changed by someone else; reload it and try again`, { field: 'taskId', value: id }),
  taskEnded: (id: string) => DomainError.conflict('ENGINE.TASK_ENDED', `Task ${id} is already completed`, { field: 'taskId', value: id }),
  instanceNotRunning: (id: string, state: string) =>
    DomainError.conflict('ENGINE.INSTANCE_NOT_RUNNING', `Process instance ${id} is ${state}`, { field: 'processInstanceId', value: id }),
  // Task actions (engine-tasks).
  taskAlreadyClaimed: (id: string) =>
    DomainError.conflict('ENGINE.TASK_ALREADY_CLAIMED', `Task ${id} is already claimed by someone else`, { field: 'taskId', value: id }),
  taskNotAssigned: (id: string) => DomainError.conflict('ENGINE.TASK_NOT_ASSIGNED', `Task ${id} has no assignee`, { field: 'taskId', value: id }),
  taskNotDelegated: (id: string) =>
    DomainError.conflict('ENGINE.TASK_NOT_DELEGATED', `Task ${id} is not delegated (no pending delegation to resolve)`, { field: 'taskId', value: id }),
  notAllowedOnTask: (id: string, action: string) =>
    DomainError.forbidden('ENGINE.TASK_ACTION_NOT_ALLOWED', `You may not ${action} task ${id}`, { field: 'taskId', value: id }),
  userNotFound: (field: string, value: string) =>
    DomainError.validation('ENGINE.USER_NOT_FOUND', `User ${value} does not exist`, { field, value }),
  checklistOrder: (message: string) => DomainError.validation('ENGINE.CHECKLIST_ORDER', message, { field: 'order' }),
  badTaskQuery: (field: string, message: string, value?: unknown) => DomainError.validation('ENGINE.BAD_TASK_QUERY', message, { field, value }),
};
