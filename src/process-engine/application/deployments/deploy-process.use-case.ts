import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';

export interface DeploymentResourceInput {
  /** File name as uploaded (`invoice.bpmn20.xml`, `invoice.bpmn`). */
  readonly name: string;
  readonly bytes: Buffer;
}

export interface DeployProcessInput {
  readonly actor: Principal;
  /** Deployment name; default: the first resource's name. */
  readonly name?: string;
  readonly category?: string | null;
  readonly resources: readonly DeploymentResourceInput[];
  /** Set when an aps app definition is deployed to the runtime. */
  readonly appDefinitionId?: string | null;
}

export interface DeployedDefinition {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string | null;
}

export interface DeployProcessResult {
  readonly deploymentId: string;
  readonly definitions: readonly DeployedDefinition[];
}

/**
 * Parses and compiles every BPMN resource (XML without DTDs or entities), rejects the deployment
 * with every problem found (400, nothing stored), otherwise stores the deployment, its resources
 * and one new definition version per process key. One transaction.
 */
@Injectable()
export class DeployProcess {
  async execute(input: DeployProcessInput): Promise<DeployProcessResult> {
    void input;
    throw new Error('DeployProcess: not implemented yet');
  }
}
