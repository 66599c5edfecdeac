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
  modelNotWritable: (id: string) =>
    DomainError.forbidden('ENGINE.MODEL_NOT_WRITABLE', `Only the creator of model ${id} or an administrator may change it`, { value: id }),
  modelWrongType: (id: string, expected: string, field = 'modelId') =>
    DomainError.validation('ENGINE.MODEL_WRONG_TYPE', `Model ${id} is not ${expected}`, { field, value: id }),
  invalidModelContent: (field: string, message: string) => DomainError.validation('ENGINE.INVALID_MODEL_CONTENT', message, { field }),
  invalidBpmn: (field: string, problems: readonly { elementId: string | null; message: string }[]) =>
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
};
