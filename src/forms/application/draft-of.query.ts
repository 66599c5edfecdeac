import { Injectable } from '@nestjs/common';
import { FormDraftRepository } from '../infrastructure/form-draft.repository.js';

/** A task's saved draft values, or null. */
@Injectable()
export class DraftOf {
  constructor(private readonly drafts: FormDraftRepository) {}

  execute(tenantId: string, taskId: string): Promise<Record<string, unknown> | null> {
    return this.drafts.valuesOf(tenantId, taskId);
  }
}
