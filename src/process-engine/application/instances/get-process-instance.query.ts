import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { EngineAccess } from '../access/engine-access.js';
import { InstanceReader } from './instance-reader.js';
import type { InstanceView } from './instance.view.js';

export interface GetProcessInstanceInput {
  readonly actor: Principal;
  readonly instanceId: string;
}

/** One instance with its variables: 404 unknown or another tenant's, 403 when the caller is not involved. */
@Injectable()
export class GetProcessInstance {
  constructor(
    private readonly access: EngineAccess,
    private readonly reader: InstanceReader,
  ) {}

  async execute(input: GetProcessInstanceInput): Promise<InstanceView> {
    await this.access.requireInstance(input.actor, input.instanceId);
    const view = await this.reader.one(input.actor.tenantId, input.instanceId, true);
    if (!view) throw EngineErrors.instanceNotFound(input.instanceId);
    return view;
  }
}
