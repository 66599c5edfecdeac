import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { bpmnText, validateBpmn } from './model-content.js';
import { type ModelView, ModelViews } from './model.view.js';

export interface ImportProcessModelInput {
  readonly actor: Principal;
  readonly fileName: string;
  readonly bytes: Buffer;
}

const BPMN_FILE = /\.(bpmn|bpmn20\.xml)$/i;

/**
 * A new process model from an uploaded `.bpmn` / `.bpmn20.xml` file. The BPMN is checked with the
 * deployer's reader first (no DTDs or entities; every problem named); its first process gives the
 * model's key (process id), name (process name, else its id) and description (documentation).
 * A UTF-8 file is stored byte for byte; UTF-16 and Latin-1 files are stored converted to UTF-8.
 */
@Injectable()
export class ImportProcessModel {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  @Transactional()
  async execute(input: ImportProcessModelInput): Promise<ModelView> {
    const { actor } = input;
    if (!BPMN_FILE.test(input.fileName)) {
      throw EngineErrors.invalidModelContent('file', `Only .bpmn and .bpmn20.xml files can be imported (got ${input.fileName})`);
    }
    const bpmn = await validateBpmn(input.bytes, 'file');
    const name = (bpmn.name ?? '').trim() || bpmn.key;
    const id = await this.models.insert({
      tenantId: actor.tenantId,
      name: name.slice(0, 255),
      key: bpmn.key,
      description: bpmn.documentation ? bpmn.documentation.slice(0, 4000) : null,
      modelType: 0,
      content: bpmnText(input.bytes),
      comment: null,
      stencilSet: null,
      referenceId: null,
      userId: actor.userId,
    });
    return this.views.current(actor, id);
  }
}
