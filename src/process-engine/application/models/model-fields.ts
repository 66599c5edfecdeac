import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository, type ModelType } from '../../infrastructure/model.repository.js';
import { type BpmnSummary, bpmnText, parseAppDefinition, parseJsonContent, validateBpmn } from './model-content.js';

/** Content as stored, and for process models what their BPMN says (key, name). */
export interface CheckedContent {
  readonly content: string;
  readonly bpmn: BpmnSummary | null;
}

/**
 * Checks a model's new content by type: BPMN for process models (readBpmn, every problem named),
 * the app definition JSON for apps (its models must be process models of the tenant), a JSON object
 * for the other types. Throws 400 naming `field`; callers store nothing before it returns.
 */
export async function checkContent(models: ModelRepository, tenantId: string, modelType: ModelType, raw: string | Buffer, field: string): Promise<CheckedContent> {
  if (modelType === 0) {
    const bpmn = await validateBpmn(raw, field);
    return { content: typeof raw === 'string' ? raw : bpmnText(raw), bpmn };
  }
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (modelType === 3) {
    const app = parseAppDefinition(text, field);
    await checkAppModels(models, tenantId, app.models.map((m) => String(m.id)), `${field}.models`);
    return { content: JSON.stringify(app), bpmn: null };
  }
  return { content: parseJsonContent(text, field), bpmn: null };
}

/** Every model an app bundles must be a process model of the caller's tenant. */
export async function checkAppModels(models: ModelRepository, tenantId: string, ids: readonly string[], field: string): Promise<void> {
  const types = await models.typesOf(ids, tenantId);
  ids.forEach((id, i) => {
    const type = types.get(id);
    if (type === undefined) throw EngineErrors.invalidModelContent(`${field}[${i}]`, `Model ${id} does not exist`);
    if (type !== 0) throw EngineErrors.modelWrongType(id, 'a BPMN 2.0 process model', `${field}[${i}]`);
  });
}
