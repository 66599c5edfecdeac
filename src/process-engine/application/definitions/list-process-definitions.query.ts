import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess } from '../access/engine-access.js';
import { DEFINITION_COLUMNS, type DefinitionView } from './definition.view.js';

export interface ListProcessDefinitionsInput {
  readonly actor: Principal;
  /** Only the latest version of each key. */
  readonly latest?: boolean;
  readonly appDefinitionId?: string;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Definitions of the caller's tenant (seed 004: "visible within the tenant of the user"), by name,
 * key and newest version first. A definition with candidate starters is listed for admins and for
 * its candidate starters (directly or through a group) only: the others could not start it.
 */
@Injectable()
export class ListProcessDefinitions {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: EngineAccess,
  ) {}

  async execute(input: ListProcessDefinitionsInput): Promise<{ total: number; items: DefinitionView[] }> {
    const viewer = await this.access.viewer(input.actor);
    const params: unknown[] = [viewer.tenantId];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['d.tenant_id = $1'];
    const app = input.appDefinitionId === undefined ? null : param(input.appDefinitionId);
    if (app !== null) where.push(`d.app_definition_id = ${app}::bigint`);
    if (input.latest === true) {
      // The latest version among the app's definitions when an app is named (another app may have deployed a newer one).
      where.push(`d.version = (SELECT max(d2.version) FROM process_engine.process_definitions d2 WHERE d2.tenant_id = d.tenant_id AND d2.key = d.key
        ${app !== null ? `AND d2.app_definition_id = ${app}::bigint` : ''})`);
    }
    if (!viewer.admin) {
      const u = param(viewer.userId);
      const g = param(viewer.groupIds);
      where.push(`(NOT EXISTS (SELECT 1 FROM process_engine.identity_links l WHERE l.definition_id = d.id AND l.type = 'candidate')
        OR EXISTS (SELECT 1 FROM process_engine.identity_links l WHERE l.definition_id = d.id AND l.type = 'candidate'
                     AND (l.user_id = ${u}::bigint OR l.group_id = ANY(${g}::bigint[]))))`);
    }
    const filterParams = [...params];
    const [count] = await this.uow.query<{ total: number }>(`SELECT count(*)::int AS total FROM process_engine.process_definitions d WHERE ${where.join(' AND ')}`, filterParams);
    const items = await this.uow.query<DefinitionView>(
      `SELECT ${DEFINITION_COLUMNS} FROM process_engine.process_definitions d WHERE ${where.join(' AND ')}
        ORDER BY d.name ASC NULLS LAST, d.key ASC, d.version DESC LIMIT ${param(input.limit)} OFFSET ${param(input.offset)}`,
      params,
    );
    return { total: count?.total ?? 0, items };
  }
}
