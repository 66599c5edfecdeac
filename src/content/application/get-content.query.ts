import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../identity/index.js';
import { ContentAccessRules } from './content-access.js';
import { type ContentView, withCreators } from './content.view.js';

/** The metadata of one content item (seed 004 `GET content/{contentId}`), for those who may read it. */
@Injectable()
export class GetContent {
  constructor(
    private readonly access: ContentAccessRules,
    private readonly identity: IdentityApi,
  ) {}

  async execute(input: { readonly actor: Principal; readonly contentId: string }): Promise<ContentView> {
    const item = await this.access.readable(input.actor, input.contentId);
    return (await withCreators(this.identity, input.actor.tenantId, [item]))[0]!;
  }
}
