import type { DefinitionRepository } from '../../infrastructure/definition.repository.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';

/** A deployed process definition as the aps API shows it. */
export interface DefinitionView {
  readonly id: string;
  readonly tenantId: string;
  readonly key: string;
  readonly version: number;
  readonly name: string | null;
  readonly description: string | null;
  readonly category: string | null;
  readonly deploymentId: string;
  readonly appDefinitionId: string | null;
  /** The start event's formKey named a form when the definition was deployed (a form of the deployment, or a form model). */
  readonly hasStartForm: boolean;
  readonly startFormKey: string | null;
}

export const DEFINITION_COLUMNS = `d.id, d.tenant_id::text AS "tenantId", d.key, d.version, d.name, d.description, d.category,
  d.deployment_id::text AS "deploymentId", d.app_definition_id::text AS "appDefinitionId",
  d.has_start_form AS "hasStartForm", d.start_form_key AS "startFormKey"`;

/** The definition of the caller's tenant, or 404 (another tenant's definition is not found either). */
export async function requireDefinition(definitions: DefinitionRepository, tenantId: string, id: string): Promise<DefinitionView> {
  const d = await definitions.find(tenantId, { id });
  if (!d) throw EngineErrors.definitionNotFound(id);
  return {
    id: d.id,
    tenantId: d.tenantId,
    key: d.key,
    version: d.version,
    name: d.name,
    description: d.description,
    category: d.category,
    deploymentId: d.deploymentId,
    appDefinitionId: d.appDefinitionId,
    hasStartForm: d.hasStartForm,
    startFormKey: d.startFormKey,
  };
}

export type StarterFamily = 'users' | 'groups';

/** A candidate starter: a user or a group identity link of type `candidate` on the definition. */
export interface CandidateStarterView {
  readonly userId: string | null;
  readonly groupId: string | null;
}
