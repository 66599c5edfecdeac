import { Injectable } from '@nestjs/common';
import { IdentityApi, type Principal } from '../../../identity/index.js';
import { EngineAccess } from '../access/engine-access.js';
import { EngineErrors } from '../../domain/process-engine.errors.js';
import { type ModelHistoryRow, ModelRepository, type ModelRow, type ModelType } from '../../infrastructure/model.repository.js';
import { fullName } from '../people.js';

/** The aps model representation before the wire (ids as strings, dates as Date). */
export interface ModelView {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly modelType: ModelType;
  readonly version: number;
  readonly comment: string | null;
  readonly stencilSet: string | null;
  readonly referenceId: string | null;
  readonly createdBy: string;
  readonly createdByFullName: string | null;
  readonly lastUpdatedBy: string;
  readonly lastUpdatedByFullName: string | null;
  readonly lastUpdated: Date;
  readonly latestVersion: boolean;
  /** The caller's favorite flag; null on history entries (as the document's example). */
  readonly favorite: boolean | null;
  /** `write` for the creator and administrators, `read` for everyone else; null on history entries. */
  readonly permission: 'write' | 'read' | null;
  readonly tenantId: string;
}

/** Who may change a model: its creator or an administrator of its tenant. */
export function canWriteModel(access: EngineAccess, actor: Principal, model: Pick<ModelRow, 'createdBy'>): boolean {
  return access.isAdmin(actor) || model.createdBy === actor.userId;
}

/** Loads models of the caller's tenant (404 otherwise) and renders them with the users' full names in one look-up. */
@Injectable()
export class ModelViews {
  constructor(
    private readonly models: ModelRepository,
    private readonly identity: IdentityApi,
    private readonly access: EngineAccess,
  ) {}

  async require(actor: Principal, id: string): Promise<ModelRow> {
    const model = await this.models.find(id, actor.tenantId);
    if (!model) throw EngineErrors.modelNotFound(id);
    return model;
  }

  async requireWritable(actor: Principal, id: string): Promise<ModelRow> {
    const model = await this.models.lock(id, actor.tenantId);
    if (!model) throw EngineErrors.modelNotFound(id);
    if (!canWriteModel(this.access, actor, model)) throw EngineErrors.modelNotWritable(id);
    return model;
  }

  async current(actor: Principal, id: string): Promise<ModelView> {
    const model = await this.require(actor, id);
    const favorite = await this.models.isFavorite(id, actor.tenantId, actor.userId);
    return (await this.render(actor, [{ ...model, favorite }]))[0]!;
  }

  /** Current models (`favorite` known) or history entries (`favorite` undefined). */
  async render(actor: Principal, rows: ReadonlyArray<(ModelRow & { favorite: boolean }) | ModelHistoryRow>): Promise<ModelView[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.createdBy, r.lastUpdatedBy]))];
    const users = await this.identity.userSummariesByIds(actor.tenantId, ids);
    const names = new Map(users.map((u) => [u.id, fullName(u)]));
    return rows.map((r) => {
      const history = 'modelId' in r;
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        modelType: r.modelType,
        version: r.version,
        comment: r.comment,
        stencilSet: r.stencilSet,
        referenceId: r.referenceId,
        createdBy: r.createdBy,
        createdByFullName: names.get(r.createdBy) ?? null,
        lastUpdatedBy: r.lastUpdatedBy,
        lastUpdatedByFullName: names.get(r.lastUpdatedBy) ?? null,
        lastUpdated: r.lastUpdatedAt,
        latestVersion: !history,
        favorite: history ? null : r.favorite,
        permission: history ? null : canWriteModel(this.access, actor, r) ? 'write' : 'read',
        tenantId: r.tenantId,
      };
    });
  }
}
