import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { ModelRepository } from '../../infrastructure/model.repository.js';
import { ModelViews } from './model.view.js';

export interface ExportedBpmn {
  /** The file name Alfresco gives the download: `<model name>.bpmn20.xml`. */
  readonly fileName: string;
  /** The XML exactly as stored. */
  readonly xml: string;
}

/** The BPMN 2.0 XML of a process model's current version, or of an older one (`historyId`). */
@Injectable()
export class ExportModelBpmn {
  constructor(
    private readonly models: ModelRepository,
    private readonly views: ModelViews,
  ) {}

  async execute(input: { readonly actor: Principal; readonly id: string; readonly historyId?: string }): Promise<ExportedBpmn> {
    const { actor, id, historyId } = input;
    const model = await this.views.require(actor, id);
    if (model.modelType !== 0) throw EngineErrors.modelWrongType(id, 'a BPMN 2.0 process model', 'processModelId');
    let source: { name: string; content: string | null } = model;
    if (historyId !== undefined) {
      const entry = await this.models.historyEntry(id, historyId, actor.tenantId);
      if (!entry) throw EngineErrors.modelHistoryNotFound(id, historyId);
      source = entry;
    }
    return { fileName: `${source.name}.bpmn20.xml`, xml: source.content ?? '' };
  }
}
