import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

export interface LockedInstance {
  readonly id: string;
  readonly tenantId: string;
  readonly definitionId: string;
  readonly state: 'running' | 'suspended' | 'completed' | 'deleted';
  readonly version: number;
}

/**
 * Process-instance locks as the engine runner takes them (inserts and the end-of-step update are
 * part of EngineWrites). A lock taken in a transaction is remembered for that
 * transaction, so that CompleteTask and the advancing handler do not ask twice.
 */
@Injectable()
export class InstanceRepository {
  private readonly held = new WeakMap<object, Map<string, LockedInstance>>();

  constructor(private readonly uow: UnitOfWork) {}

  /** Records a lock taken by another statement of the transaction (CompleteTask locks and reads in one). */
  noteLocked(row: LockedInstance): LockedInstance {
    return this.remember(row)!;
  }

  private remember(row: LockedInstance | null): LockedInstance | null {
    if (row && this.uow.inTransaction) {
      const manager = this.uow.platformManager;
      let locks = this.held.get(manager);
      if (!locks) {
        locks = new Map();
        this.held.set(manager, locks);
      }
      locks.set(row.id, row);
    }
    return row;
  }

  /** `SELECT … FOR UPDATE`: every engine command takes this lock first (instance before tasks). */
  async lock(id: string): Promise<LockedInstance | null> {
    const held = this.uow.inTransaction ? this.held.get(this.uow.platformManager)?.get(id) : undefined;
    if (held) return held;
    const rows = await this.uow.query<LockedInstance>(
      `SELECT id::text AS id, tenant_id::text AS "tenantId", definition_id AS "definitionId", state, version
         FROM process_engine.process_instances WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return this.remember(rows[0] ?? null);
  }
}
