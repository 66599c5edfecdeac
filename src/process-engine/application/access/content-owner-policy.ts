import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { type ContentAccess, ContentApi, type ContentOwner, type ContentOwnerPolicy } from '../../../content/index.js';
import type { Principal } from '../../../identity/index.js';
import { EngineAccess, instanceVisibleSql, taskVisibleSql, type Viewer } from './engine-access.js';

/** An id that can name a row (a bigint): anything else names nothing, rather than failing the cast in SQL. */
const isRowId = (id: string): boolean => /^\d{1,19}$/.test(id) && BigInt(id) <= 9223372036854775807n;

interface OwnerRow {
  readonly visible: boolean;
  readonly ended: boolean;
}

/** Content of a finished case is its record: nothing is attached to it or deleted from it any more. */
export const ownerEnded = (what: 'task' | 'process instance', id: string): DomainError =>
  DomainError.conflict('CONTENT.OWNER_ENDED', `The ${what} ${id} has ended: its content can no longer be changed`, {
    field: what === 'task' ? 'taskId' : 'processInstanceId',
    value: id,
  });

/**
 * The engine's answer to content's ContentOwnerPolicy port (design.md §1: content cannot see the
 * engine, so the engine tells it who may touch the content of instances and tasks). One rule, the
 * one of `GET process-instances/{id}` and `GET tasks/{id}` (EngineAccess): tenant admins see
 * everything of their tenant, others what they are involved in; unknown ids and ids of another
 * tenant are `not-found`, known but invisible ones `forbidden`.
 *
 * Writing (attaching, deleting) needs the same visibility, and the owner must still be open: a
 * completed task or an ended instance (completed or deleted) answers 409 CONTENT.OWNER_ENDED. The
 * port's answer has no "ended" value, so that one is thrown, after the 404/403 checks, which keep
 * their priority (nobody learns the state of what they may not see).
 */
@Injectable()
export class EngineContentOwnerPolicy implements ContentOwnerPolicy, OnModuleInit {
  constructor(
    private readonly content: ContentApi,
    private readonly access: EngineAccess,
    private readonly uow: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.content.registerOwnerPolicy(this);
  }

  async canRead(actor: Principal, owner: ContentOwner): Promise<ContentAccess> {
    const found = await this.find(actor, owner);
    return found === 'not-found' ? found : found.visible ? 'allowed' : 'forbidden';
  }

  /**
   * Inside a transaction the owner is locked first, as the engine's writers lock it (the instance
   * row — a standalone task's own row — `FOR SHARE`, held until the transaction ends), and then read
   * in a statement of its own, so fresh: a completion waits for an attachment being committed, or the
   * attachment waits for the completion and then sees the owner ended. Never content added to a
   * task in the moment it ends, and no lock taken in the other order (no deadlock with a completion,
   * whose audit and content rows reference the instance).
   */
  async canWrite(actor: Principal, owner: ContentOwner): Promise<ContentAccess> {
    if (this.uow.inTransaction) await this.lock(actor.tenantId, owner);
    const found = await this.find(actor, owner);
    if (found === 'not-found') return found;
    if (!found.visible) return 'forbidden';
    if (found.ended) throw owner.kind === 'task' ? ownerEnded('task', owner.taskId) : ownerEnded('process instance', (owner as { processInstanceId: string }).processInstanceId);
    return 'allowed';
  }

  async taskOwner(actor: Principal, taskId: string): Promise<ContentOwner | 'not-found'> {
    if (!isRowId(taskId)) return 'not-found';
    const rows = await this.uow.query<{ instanceId: string | null }>(
      `SELECT instance_id::text AS "instanceId" FROM process_engine.tasks WHERE id = $1 AND tenant_id = $2`,
      [taskId, actor.tenantId],
    );
    return rows.length === 0 ? 'not-found' : { kind: 'task', taskId, processInstanceId: rows[0]!.instanceId };
  }

  /** The owner's visibility for the caller and whether it has ended; `not-found` for unknown ids, other tenants and unowned content. */
  private async lock(tenantId: string, owner: ContentOwner): Promise<void> {
    if (owner.kind === 'none') return;
    const id = owner.kind === 'task' ? owner.taskId : owner.processInstanceId;
    if (!isRowId(id)) return;
    if (owner.kind !== 'task') {
      await this.uow.query(`SELECT 1 FROM process_engine.process_instances WHERE id = $1 AND tenant_id = $2 FOR SHARE`, [id, tenantId]);
      return;
    }
    const locked = await this.uow.query(
      `SELECT 1 FROM process_engine.process_instances p
        WHERE p.id = (SELECT t.instance_id FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2) FOR SHARE`,
      [id, tenantId],
    );
    if (locked.length === 0) {
      await this.uow.query(`SELECT 1 FROM process_engine.tasks WHERE id = $1 AND tenant_id = $2 AND instance_id IS NULL FOR SHARE`, [id, tenantId]);
    }
  }

  private async find(actor: Principal, owner: ContentOwner): Promise<OwnerRow | 'not-found'> {
    if (owner.kind === 'none') return 'not-found';
    const id = owner.kind === 'task' ? owner.taskId : owner.processInstanceId;
    if (!isRowId(id)) return 'not-found';
    const viewer = await this.access.viewer(actor);
    const rows = owner.kind === 'task' ? await this.taskRow(viewer, id) : await this.instanceRow(viewer, id);
    return rows[0] ?? 'not-found';
  }

  private taskRow(viewer: Viewer, taskId: string): Promise<OwnerRow[]> {
    return this.uow.query<OwnerRow>(
      `SELECT ${viewer.admin ? 'true' : taskVisibleSql('t', '$3', '$4::bigint[]')} AS visible, t.ended_at IS NOT NULL AS ended
         FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2`,
      viewer.admin ? [taskId, viewer.tenantId] : [taskId, viewer.tenantId, viewer.userId, viewer.groupIds],
    );
  }

  private instanceRow(viewer: Viewer, instanceId: string): Promise<OwnerRow[]> {
    return this.uow.query<OwnerRow>(
      `SELECT ${viewer.admin ? 'true' : instanceVisibleSql('p.id', '$3', '$4::bigint[]')} AS visible, p.ended_at IS NOT NULL AS ended
         FROM process_engine.process_instances p WHERE p.id = $1 AND p.tenant_id = $2`,
      viewer.admin ? [instanceId, viewer.tenantId] : [instanceId, viewer.tenantId, viewer.userId, viewer.groupIds],
    );
  }
}
