import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { AppRepository } from '../../infrastructure/app.repository.js';
import { type RuntimeAppView, toRuntimeAppView } from './app-definition.view.js';

/**
 * The landing page: every app deployed to the runtime in the caller's tenant (apps are shared with
 * the whole tenant; there are no per-app permissions yet), each with its newest deployment.
 */
@Injectable()
export class ListRuntimeApps {
  constructor(private readonly apps: AppRepository) {}

  async execute(input: { readonly actor: Principal }): Promise<RuntimeAppView[]> {
    return (await this.apps.runtimeApps(input.actor.tenantId)).map(toRuntimeAppView);
  }
}

/** One deployed app of the caller's tenant; not deployed (or unknown) is 404. */
@Injectable()
export class GetRuntimeApp {
  constructor(private readonly apps: AppRepository) {}

  async execute(input: { readonly actor: Principal; readonly id: string }): Promise<RuntimeAppView> {
    const [row] = await this.apps.runtimeApps(input.actor.tenantId, input.id);
    if (!row) throw EngineErrors.appDefinitionNotFound(input.id);
    return toRuntimeAppView(row);
  }
}
