import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { ContentRepository } from '../../infrastructure/content.repository.js';
import { OwnerContentReadModel } from '../../infrastructure/owner-content.read-model.js';
import { type ContentView, withCreators } from '../content.view.js';
import { type OwnerRef, OwnerResolver } from './owner-ref.js';

export interface ListOwnerContentInput {
  readonly actor: Principal;
  readonly owner: OwnerRef;
  /** Seed 004: absent = all, true = related content only, false = field content only. */
  readonly related?: boolean;
  readonly offset: number;
  readonly limit: number;
}

/**
 * The content of a process instance (its tasks' content included) or of a task, oldest first,
 * for whoever may see the owner (the engine's rule: 404 unknown or other tenant, 403 not involved).
 */
@Injectable()
export class ListOwnerContent {
  constructor(
    private readonly owners: OwnerResolver,
    private readonly reads: OwnerContentReadModel,
    private readonly items: ContentRepository,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: ListOwnerContentInput): Promise<{ total: number; items: ContentView[] }> {
    const { actor } = input;
    await this.owners.readable(actor, input.owner);
    const page = await this.reads.page({
      tenantId: actor.tenantId,
      owner: input.owner.kind === 'task' ? { taskId: input.owner.id } : { processInstanceId: input.owner.id },
      related: input.related,
      offset: input.offset,
      limit: input.limit,
    });
    const byId = new Map((await this.items.findMany(actor.tenantId, page.ids)).map((i) => [i.id, i]));
    const rows = page.ids.map((id) => byId.get(id)).filter((i) => i !== undefined);
    return { total: page.total, items: await withCreators(this.identity, actor.tenantId, rows) };
  }
}
