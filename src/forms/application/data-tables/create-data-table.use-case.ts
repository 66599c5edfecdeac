import { Injectable } from '@nestjs/common';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import type { Principal } from '../../../identity/index.js';
import { parseTableSpec } from '../../domain/data-tables/data-table-rules.js';
import { DataTableErrors } from '../../domain/data-tables/data-table.errors.js';
import { DataTableRepository } from '../../infrastructure/data-tables/data-table.repository.js';
import { requireDataTableAdmin } from './data-table-access.js';

export interface CreateDataTableInput {
  readonly actor: Principal;
  readonly tenantId: string;
  /** The request body as sent: `{pmt_tab_name, pmt_tab_dsc, fields: [...]}`, checked here by the domain rules. */
  readonly body: unknown;
}

@Injectable()
export class CreateDataTable {
  constructor(private readonly tables: DataTableRepository) {}

  /** Answers the new table's id. */
  @Transactional()
  async execute(input: CreateDataTableInput): Promise<string> {
    requireDataTableAdmin(input);
    const spec = parseTableSpec(input.body);
    await this.tables.lockTenant(input.tenantId);
    if (await this.tables.nameTaken(input.tenantId, spec.name)) throw DataTableErrors.nameTaken(spec.name);
    const uids = await this.tables.nextFieldUids(spec.fields.length);
    const fields = spec.fields.map((f, i) => ({ uid: uids[i]!, ...f }));
    return this.tables.insert(input.tenantId, spec.name, spec.description, fields);
  }
}
