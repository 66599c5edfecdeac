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
  // engine-models: models, apps, filters
  modelNotFound: (id: string) => DomainError.notFound('ENGINE.MODEL_NOT_FOUND', `Model ${id} not found`, { field: 'modelId', value: id }),
  modelHistoryNotFound: (modelId: string, historyId: string) =>
    DomainError.notFound('ENGINE.MODEL_HISTORY_NOT_FOUND', `Model ${modelId} has no history entry ${historyId}`, { field: 'modelHistoryId', value: historyId }),
  modelThumbnailNotFound: (id: string) =>
    DomainError.notFound('ENGINE.MODEL_THUMBNAIL_NOT_FOUND', `Model ${id} has no thumbnail`, { field: 'modelId', value: id }),
  modelInUse: (id: string, apps: readonly { id: string; name: string }[]) =>
    DomainError.conflict(
      'ENGINE.MODEL_IN_USE',
      `Model ${id} is used by app ${apps.map((a) => `${a.name} (${a.id})`).join(', ')}; remove it from the app first`,
      { field: 'modelId', value: id },
    ),
  modelNotWritable: (id: string) =>
    DomainError.forbidden('ENGINE.MODEL_NOT_WRITABLE', `Only the creator of model ${id} or an administrator may change it`, { value: id }),
  modelWrongType: (id: string, expected: string, field = 'modelId') =>
    DomainError.validation('ENGINE.MODEL_WRONG_TYPE', `Model ${id} is not ${expected}`, { field, value: id }),
  invalidModelContent: (field: string, message: string) => DomainError.validation('ENGINE.INVALID_MODEL_CONTENT', message, { field }),
  /** Invalid BPMN in a model (import, new version, publish), naming the request field that carried it. */
  invalidModelBpmn: (field: string, problems: readonly { elementId: string | null; message: string }[]) =>
    DomainError.validation(
      'ENGINE.INVALID_BPMN',
      `Invalid BPMN: ${problems.map((p) => (p.elementId ? `${p.elementId}: ${p.message}` : p.message)).join('; ')}`,
      { field, problems },
    ),
  appNotPublished: (id: string) =>
    DomainError.conflict('ENGINE.APP_NOT_PUBLISHED', `App definition ${id} has not been published yet; publish it first`, { field: 'id', value: id }),
  appDefinitionNotFound: (id: string, field = 'appDefinitionId') =>
    DomainError.notFound('ENGINE.APP_DEFINITION_NOT_FOUND', `App definition ${id} not found`, { field, value: id }),
  appNotDeployable: (id: string) =>
    DomainError.forbidden('ENGINE.APP_NOT_DEPLOYABLE', `Only the creator of app ${id} or an administrator may publish or deploy it`, { value: id }),
  filterNotFound: (id: string) => DomainError.notFound('ENGINE.FILTER_NOT_FOUND', `Filter ${id} not found`, { field: 'userFilterId', value: id }),
  invalidFilter: (field: string, message: string, value?: unknown) => DomainError.validation('ENGINE.INVALID_FILTER', message, { field, value }),
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
  resourceNotFound: (deploymentId: string, name: string) =>
    DomainError.notFound('ENGINE.RESOURCE_NOT_FOUND', `Deployment ${deploymentId} has no resource '${name.slice(0, 255)}'`, {
      field: 'resourceId',
      value: name.slice(0, 255),
    }),
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
  // engine-instances: definitions, candidate starters, instance lifecycle, audit log.
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
  /** A candidate starter naming no user (or no active group) of the tenant: a 400 naming the body field, as for other identity links. */
  starterIdentityNotFound: (family: 'user' | 'group', id: string) =>
    DomainError.validation('ENGINE.IDENTITY_NOT_FOUND', `${family === 'user' ? 'User' : 'Group'} ${id} does not exist`, { field: family, value: id }),
  noStartForm: (definitionId: string) =>
    DomainError.notFound('ENGINE.NO_START_FORM', `Process definition ${definitionId} has no start form`, { field: 'processDefinitionId', value: definitionId }),
  instanceAlreadyInState: (id: string, state: 'suspended' | 'running') =>
    DomainError.conflict('ENGINE.INSTANCE_STATE', `Process instance ${id} is already ${state === 'suspended' ? 'suspended' : 'active'}`, {
      field: 'processInstanceId',
      value: id,
    }),
  diagramNotSupported: (id: string) =>
    DomainError.notFound('ENGINE.DIAGRAM_NOT_SUPPORTED', `No diagram for process instance ${id}: Meridian does not render process diagrams`, {
      field: 'processInstanceId',
      value: id,
    }),
};
