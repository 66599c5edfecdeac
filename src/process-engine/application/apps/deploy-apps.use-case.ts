import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { AppRepository } from '../../infrastructure/app.repository.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { EngineAccess } from '../access/engine-access.js';
import { DeployProcess } from '../deployments/deploy-process.use-case.js';
import { canWriteModel } from '../models/model.view.js';
import { type RuntimeAppView, toRuntimeAppView } from './app-definition.view.js';

export interface DeployAppsInput {
  readonly actor: Principal;
  /** App definition ids (= app model ids), as `appDefinitions[].id` of the request. */
  readonly ids: readonly string[];
}

/**
 * Deploys the newest publication of each app to the runtime (admins or the app's creator): one
 * DeployProcess per app with the BPMN of its process models, `appDefinitionId` = the app's id,
 * and an app_deployments row. All apps in one transaction: one bad id deploys nothing.
 */
@Injectable()
export class DeployApps {
  constructor(
    private readonly models: ModelRepository,
    private readonly apps: AppRepository,
    private readonly access: EngineAccess,
    private readonly deploy: DeployProcess,
  ) {}

  @Transactional()
  async execute(input: DeployAppsInput): Promise<RuntimeAppView[]> {
    const { actor } = input;
    const out: RuntimeAppView[] = [];
    for (const [i, id] of input.ids.entries()) {
      const field = `appDefinitions[${i}].id`;
      const app = await this.models.lock(id, actor.tenantId);
      if (!app) throw EngineErrors.appDefinitionNotFound(id, field);
      if (app.modelType !== 3) throw EngineErrors.modelWrongType(id, 'an app model', field);
      if (!canWriteModel(this.access, actor, app)) throw EngineErrors.appNotDeployable(id);
      const publication = await this.apps.latestPublication(id, actor.tenantId);
      if (!publication) throw EngineErrors.appNotPublished(id);
      let deploymentId: string | null = null;
      if (publication.definition.models.length > 0) {
        const result = await this.deploy
          .execute({
            actor,
            name: publication.definition.name,
            resources: publication.definition.models.map((m) => ({ name: `${m.key}.bpmn20.xml`, bytes: Buffer.from(m.xml, 'utf8') })),
            appDefinitionId: id,
          })
          .catch((error: unknown) => {
            // The deployer names its upload field; here the app in the request is at fault.
            if (error instanceof DomainError && error.details.field === 'file') {
              throw new DomainError(error.kind, error.code, `App ${id}: ${error.message}`, { ...error.details, field });
            }
            throw error;
          });
        deploymentId = result.deploymentId;
      }
      await this.apps.insertDeployment({ tenantId: actor.tenantId, appModelId: id, appVersion: publication.appVersion, deploymentId, userId: actor.userId });
      out.push(toRuntimeAppView({ id, deploymentId, definition: publication.definition }));
    }
    return out;
  }
}
