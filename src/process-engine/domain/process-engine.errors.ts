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
  // Variables, identity links and comments (engine-runtime-data).
  variableNotFound: (name: string) => DomainError.notFound('ENGINE.VARIABLE_NOT_FOUND', `Variable '${name}' not found`, { field: 'variableName', value: name }),
  variableExists: (name: string) =>
    DomainError.conflict('ENGINE.VARIABLE_EXISTS', `Variable '${name}' already exists; update it instead`, { field: name, value: name }),
  variableNameMismatch: (path: string, body: string) =>
    DomainError.validation('ENGINE.VARIABLE_NAME_MISMATCH', `The body names variable '${body}' but the path names '${path}'`, { field: 'name', value: body }),
  noInstanceForGlobal: (taskId: string) =>
    DomainError.validation('ENGINE.TASK_WITHOUT_PROCESS', `Task ${taskId} is not part of a process instance: it has no global variables`, { field: 'scope', value: 'global' }),
  identityNotFound: (family: 'user' | 'group', id: string) =>
    DomainError.validation('ENGINE.IDENTITY_NOT_FOUND', `${family === 'user' ? 'User' : 'Group'} ${id} does not exist`, { field: family, value: id }),
  identityLinkNotFound: (family: string, id: string, type: string) =>
    DomainError.notFound('ENGINE.IDENTITY_LINK_NOT_FOUND', `No ${type} identity link for ${family} ${id}`, { field: 'identityId', value: id }),
  identityLinkTypeReserved: (type: string) =>
    DomainError.validation('ENGINE.IDENTITY_LINK_TYPE_RESERVED', `Identity links of type '${type}' follow the task's ${type}; use the task actions to change it`, {
      field: 'type',
      value: type,
    }),
  commentMessage: (length: number) =>
    DomainError.validation('ENGINE.COMMENT_MESSAGE', length === 0 ? 'A comment needs a message' : `A comment is at most 4000 characters (got ${length})`, {
      field: 'message',
    }),
  // Task actions (engine-tasks).
  taskAlreadyClaimed: (id: string) =>
    DomainError.conflict('ENGINE.TASK_ALREADY_CLAIMED', `Task ${id} is already claimed by someone else`, { field: 'taskId', value: id }),
  taskNotAssigned: (id: string) => DomainError.conflict('ENGINE.TASK_NOT_ASSIGNED', `Task ${id} has no assignee`, { field: 'taskId', value: id }),
  taskNotDelegated: (id: string) =>
    DomainError.conflict('ENGINE.TASK_NOT_DELEGATED', `Task ${id} is not delegated (no pending delegation to resolve)`, { field: 'taskId', value: id }),
  taskSuspended: (id: string) =>
    DomainError.conflict('ENGINE.TASK_SUSPENDED', `Task ${id} belongs to a suspended process instance`, { field: 'taskId', value: id }),
  notAllowedOnTask: (id: string, action: string) =>
    DomainError.forbidden('ENGINE.TASK_ACTION_NOT_ALLOWED', `You may not ${action} task ${id}`, { field: 'taskId', value: id }),
  userNotFound: (field: string, value: string) =>
    DomainError.validation('ENGINE.USER_NOT_FOUND', `User ${value} does not exist`, { field, value }),
  checklistOrder: (message: string) => DomainError.validation('ENGINE.CHECKLIST_ORDER', message, { field: 'order' }),
  badTaskQuery: (field: string, message: string, value?: unknown) => DomainError.validation('ENGINE.BAD_TASK_QUERY', message, { field, value }),
  // engine-core: deployments, definitions, starting and completing.
  invalidBpmn: (problems: ReadonlyArray<{ readonly elementId: string | null; readonly message: string }>) =>
    DomainError.validation(
      'ENGINE.INVALID_BPMN',
      `Invalid BPMN: ${problems
        .slice(0, 20)
        .map((p) => (p.elementId ? `[${p.elementId}] ${p.message}` : p.message))
        .join('; ')}${problems.length > 20 ? `; and ${problems.length - 20} more` : ''}`,
      { field: 'file', problems: problems.map((p) => ({ elementId: p.elementId, message: p.message })) },
    ),
  noBpmnResource: () =>
    DomainError.validation('ENGINE.NO_BPMN_RESOURCE', 'The deployment has no BPMN resource (a .bpmn or .bpmn20.xml file)', { field: 'file' }),
  definitionKeyNotFound: (key: string) =>
    DomainError.notFound('ENGINE.DEFINITION_NOT_FOUND', `No process definition with key '${key}'`, { field: 'processDefinitionKey', value: key }),
  definitionIdOrKey: () =>
    DomainError.validation('ENGINE.DEFINITION_ID_OR_KEY', 'Give exactly one of processDefinitionId and processDefinitionKey', { field: 'processDefinitionId' }),
  definitionSuspended: (id: string) =>
    DomainError.conflict('ENGINE.DEFINITION_SUSPENDED', `Process definition ${id} is suspended`, { field: 'processDefinitionId', value: id }),
  notCandidateStarter: (id: string) =>
    DomainError.forbidden('ENGINE.NOT_CANDIDATE_STARTER', `You are not allowed to start process definition ${id}`, { value: id }),
  startRejected: (id: string, message: string) =>
    DomainError.validation('ENGINE.CANNOT_START', `Process definition ${id} cannot start: ${message}`, { field: 'processDefinitionId', value: id }),
  mayNotComplete: (id: string) =>
    DomainError.forbidden('ENGINE.MAY_NOT_COMPLETE', `Only the assignee, the owner or a candidate of task ${id} may complete it`, { value: id }),
  taskDelegated: (id: string) =>
    DomainError.conflict('ENGINE.TASK_DELEGATED', `Task ${id} is delegated: the delegate resolves it, it cannot be completed`, { field: 'taskId', value: id }),
  executionNotWaiting: (id: string, message: string) =>
    DomainError.conflict('ENGINE.EXECUTION_NOT_WAITING', `Process instance ${id} cannot advance: ${message}`, { field: 'processInstanceId', value: id }),
  deploymentNotFound: (id: string) =>
    DomainError.notFound('ENGINE.DEPLOYMENT_NOT_FOUND', `Deployment ${id} not found`, { field: 'deploymentId', value: id }),
  deploymentInUse: (id: string, running: number) =>
    DomainError.conflict(
      'ENGINE.DEPLOYMENT_IN_USE',
      `Deployment ${id} has ${running} process instance(s) that have not ended; delete with cascade=true to delete them too`,
      { field: 'deploymentId', value: id },
    ),
  adminOnly: (what: string) => DomainError.forbidden('ENGINE.ADMIN_ONLY', `Only a tenant or system administrator may ${what}`),
  tenantNotAllowed: (tenant: string) =>
    DomainError.forbidden('ENGINE.TENANT_NOT_ALLOWED', `Only a tenant manager may act on another tenant (${tenant})`, { field: 'tenantId', value: tenant }),
};
