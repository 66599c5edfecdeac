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
  // engine-instances: definitions, candidate starters, instance lifecycle, audit log.
  definitionKeyNotFound: (key: string) =>
    DomainError.notFound('ENGINE.DEFINITION_NOT_FOUND', `No process definition with key ${key}`, { field: 'processDefinitionKey', value: key }),
  adminOnly: (what: string) => DomainError.forbidden('ENGINE.ADMIN_ONLY', `Only a tenant administrator may ${what}`),
  starterOrAdminOnly: (what: string, id: string) =>
    DomainError.forbidden('ENGINE.NOT_STARTER', `Only the user who started process instance ${id}, or an administrator, may ${what} it`, { value: id }),
  candidateStarterNotFound: (definitionId: string, family: string, identityId: string) =>
    DomainError.notFound('ENGINE.IDENTITY_LINK_NOT_FOUND', `Process definition ${definitionId} has no candidate starter ${family}/${identityId}`, {
      field: 'identityId',
      value: identityId,
    }),
  candidateStarterExists: (definitionId: string, family: string, identityId: string) =>
    DomainError.conflict('ENGINE.IDENTITY_LINK_EXISTS', `${family}/${identityId} is already a candidate starter of process definition ${definitionId}`, {
      field: family === 'users' ? 'user' : 'group',
      value: identityId,
    }),
  userNotFound: (id: string, field: string) => DomainError.notFound('ENGINE.USER_NOT_FOUND', `User ${id} does not exist`, { field, value: id }),
  groupNotFound: (id: string, field: string) => DomainError.notFound('ENGINE.GROUP_NOT_FOUND', `Group ${id} does not exist`, { field, value: id }),
  noStartForm: (definitionId: string) =>
    DomainError.notFound('ENGINE.NO_START_FORM', `Process definition ${definitionId} has no start form`, { field: 'processDefinitionId', value: definitionId }),
  instanceAlreadyInState: (id: string, state: 'suspended' | 'running') =>
    DomainError.conflict('ENGINE.INSTANCE_STATE', `Process instance ${id} is already ${state === 'suspended' ? 'suspended' : 'active'}`, {
      field: 'processInstanceId',
      value: id,
    }),
  diagramNotSupported: (id: string) =>
    DomainError.notFound('ENGINE.DIAGRAM_NOT_SUPPORTED', `No diagram for process instance ${id}: Meridian does not render process diagrams (graphicalNotationDefined is false)`, {
      field: 'processInstanceId',
      value: id,
    }),
};
