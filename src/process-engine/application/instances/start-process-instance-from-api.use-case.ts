import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional, UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { toTypedValue } from '../../domain/variables/typed-value.js';
import { InstanceReader } from './instance-reader.js';
import type { InstanceView } from './instance.view.js';
import { StartProcessInstance, type StartProcessInstanceInput } from './start-process-instance.use-case.js';

/**
 * aps `POST process-instances`: checks the request's rules (seed 004: `processDefinitionId` or
 * `processDefinitionKey`, not both; `values`/`outcome` not with `variables`; every variable of its
 * type), starts through StartProcessInstance and answers the new instance as it stands after the
 * engine ran to its first wait states — one transaction, so a refused start leaves nothing behind.
 */
@Injectable()
export class StartProcessInstanceFromApi {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly start: StartProcessInstance,
    private readonly reader: InstanceReader,
  ) {}

  @Transactional()
  async execute(input: StartProcessInstanceInput): Promise<InstanceView> {
    const { actor } = input;
    const byId = input.processDefinitionId !== undefined && input.processDefinitionId !== null;
    const byKey = input.processDefinitionKey !== undefined && input.processDefinitionKey !== null;
    if (byId === byKey) {
      throw DomainError.validation(
        'ENGINE.START_DEFINITION',
        byId ? 'Send processDefinitionId or processDefinitionKey, not both' : 'processDefinitionId or processDefinitionKey is required',
        { field: 'processDefinitionId' },
      );
    }
    if (input.variables !== undefined && (input.values !== undefined || (input.outcome !== undefined && input.outcome !== null))) {
      throw DomainError.validation('ENGINE.START_VALUES_WITH_VARIABLES', 'values and outcome cannot be combined with variables', { field: 'variables' });
    }
    for (const v of input.variables ?? []) toTypedValue(v.name, v.type, v.value);
    if (byId) {
      const rows = await this.uow.query(`SELECT 1 FROM process_engine.process_definitions WHERE id = $1 AND tenant_id = $2`, [input.processDefinitionId, actor.tenantId]);
      if (rows.length === 0) throw EngineErrors.definitionNotFound(input.processDefinitionId!);
    } else {
      const rows = await this.uow.query(`SELECT 1 FROM process_engine.process_definitions WHERE key = $1 AND tenant_id = $2 LIMIT 1`, [input.processDefinitionKey, actor.tenantId]);
      if (rows.length === 0) throw EngineErrors.definitionKeyNotFound(input.processDefinitionKey!);
    }
    const started = await this.start.execute(input);
    const view = await this.reader.one(actor.tenantId, started.instanceId, true);
    if (!view) throw EngineErrors.instanceNotFound(started.instanceId);
    return view;
  }
}
