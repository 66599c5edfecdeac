import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../libs/platform/transaction/unit-of-work.js';
import { hasPermission, Permission, type Principal } from '../../../identity/index.js';
import { OrgStructureApi } from '../../../org-structure/index.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';

/** Who sees every task and instance of their tenant (seed 004: admins see all). */
export const ENGINE_ADMIN = [Permission.TenantAdmin, Permission.SystemAdmin];

/**
 * The caller as the engine's visibility rules need it: their groups (nested groups included,
 * design.md §8: members of nested groups are candidates for their ancestors' tasks) are read once
 * per request.
 */
export interface Viewer {
  readonly tenantId: string;
  readonly userId: string;
  readonly groupIds: readonly string[];
  readonly admin: boolean;
}

/**
 * SQL predicate: the caller may see the task aliased `t`: assignee, owner, a user or group
 * identity link of the task (candidate, participant…), or the caller may see its instance.
 * `$u` is the user id (bigint), `$g` the group ids (bigint[]). Admin callers skip the predicate.
 */
export function taskVisibleSql(t: string, u: string, g: string): string {
  return `(${t}.assignee_id = ${u} OR ${t}.owner_id = ${u}
      OR EXISTS (SELECT 1 FROM process_engine.identity_links tl WHERE tl.task_id = ${t}.id AND (tl.user_id = ${u} OR tl.group_id = ANY(${g})))
      OR (${t}.instance_id IS NOT NULL AND ${instanceLinkedSql(`${t}.instance_id`, u, g)})
      OR (${t}.parent_task_id IS NOT NULL AND EXISTS (SELECT 1 FROM process_engine.tasks pt WHERE pt.id = ${t}.parent_task_id
            AND (pt.assignee_id = ${u} OR pt.owner_id = ${u}))))`;
}

/**
 * SQL predicate: the caller may see the instance whose id is the expression `i`: they started it,
 * they are linked to it (participant, or a user/group link), or they are assignee, owner or linked
 * on one of its tasks (APS shows an instance to everyone involved in it).
 */
export function instanceVisibleSql(i: string, u: string, g: string): string {
  return `(${instanceLinkedSql(i, u, g)}
      OR EXISTS (SELECT 1 FROM process_engine.tasks it WHERE it.instance_id = ${i} AND (it.assignee_id = ${u} OR it.owner_id = ${u}
            OR EXISTS (SELECT 1 FROM process_engine.identity_links itl WHERE itl.task_id = it.id AND (itl.user_id = ${u} OR itl.group_id = ANY(${g}))))))`;
}

function instanceLinkedSql(i: string, u: string, g: string): string {
  return `(EXISTS (SELECT 1 FROM process_engine.process_instances pi WHERE pi.id = ${i} AND pi.started_by = ${u})
      OR EXISTS (SELECT 1 FROM process_engine.identity_links il WHERE il.instance_id = ${i} AND (il.user_id = ${u} OR il.group_id = ANY(${g}))))`;
}

/**
 * The one place that decides who may see and act on tasks and instances (seed 004: "a user sees
 * and acts on the tasks and instances they are involved in … admins see all"). Unknown ids and
 * ids of another tenant answer 404; known but not visible answer 403.
 */
@Injectable()
export class EngineAccess {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly org: OrgStructureApi,
  ) {}

  isAdmin(actor: Principal): boolean {
    return hasPermission(actor, ...ENGINE_ADMIN);
  }

  async viewer(actor: Principal): Promise<Viewer> {
    return { tenantId: actor.tenantId, userId: actor.userId, groupIds: await this.groupIdsOf(actor), admin: this.isAdmin(actor) };
  }

  /** The caller's groups, nested groups included. */
  async groupIdsOf(actor: Principal): Promise<string[]> {
    return (await this.org.groupsOfUser(actor.tenantId, actor.userId)).map((x) => x.id);
  }

  /** 404 unless the task exists in the caller's tenant, 403 unless the caller may see it. */
  async requireTask(actor: Principal, taskId: string): Promise<Viewer> {
    const viewer = await this.viewer(actor);
    const rows = await this.uow.query<{ visible: boolean }>(
      `SELECT ${viewer.admin ? 'true' : taskVisibleSql('t', '$3', '$4::bigint[]')} AS visible
         FROM process_engine.tasks t WHERE t.id = $1 AND t.tenant_id = $2`,
      viewer.admin ? [taskId, viewer.tenantId] : [taskId, viewer.tenantId, viewer.userId, viewer.groupIds],
    );
    if (rows.length === 0) throw EngineErrors.taskNotFound(taskId);
    if (!rows[0]!.visible) throw EngineErrors.notInvolved('task', taskId);
    return viewer;
  }

  /** 404 unless the instance exists in the caller's tenant, 403 unless the caller may see it. */
  async requireInstance(actor: Principal, instanceId: string): Promise<Viewer> {
    const viewer = await this.viewer(actor);
    const rows = await this.uow.query<{ visible: boolean }>(
      `SELECT ${viewer.admin ? 'true' : instanceVisibleSql('p.id', '$3', '$4::bigint[]')} AS visible
         FROM process_engine.process_instances p WHERE p.id = $1 AND p.tenant_id = $2`,
      viewer.admin ? [instanceId, viewer.tenantId] : [instanceId, viewer.tenantId, viewer.userId, viewer.groupIds],
    );
    if (rows.length === 0) throw EngineErrors.instanceNotFound(instanceId);
    if (!rows[0]!.visible) throw EngineErrors.notInvolved('process instance', instanceId);
    return viewer;
  }
}
