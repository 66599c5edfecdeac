import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DatabaseNotifications } from '../../../libs/platform/database/database-notifications.js';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { parseFormDefinition, type FormDefinition } from '../domain/form-definition.js';
import { FormsErrors } from '../domain/forms.errors.js';
import { FormDefinitionRepository, type FormDefinitionRow } from './form-definition.repository.js';

export interface LoadedForm {
  readonly row: FormDefinitionRow;
  readonly form: FormDefinition;
}

/**
 * Parsed form definitions by row id. Deployment forms never change; a form model saved again at
 * the same version is updated in place, and a database trigger NOTIFYs `meridian_forms` with the
 * row id on every update or delete, so every node drops its copy. Nothing is served from the cache
 * while the LISTEN connection is down or inside a transaction that wrote forms (it must see its own
 * writes: such transactions drop the entries they touch themselves, see `forget`).
 */
@Injectable()
export class FormDefinitionCache implements OnModuleInit {
  private readonly entries = new LRUCache<string, LoadedForm>({ max: 2000 });
  private generation = 0;

  constructor(
    private readonly repository: FormDefinitionRepository,
    private readonly notifications: DatabaseNotifications,
    private readonly uow: UnitOfWork,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.listen('meridian_forms', {
      onNotify: (id) => this.forget(id),
      onReset: () => {
        this.generation++;
        this.entries.clear();
      },
    });
  }

  /** Drops one entry now and again after the current transaction commits. */
  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
    if (this.uow.inTransaction) {
      this.uow.afterCommit(() => {
        this.generation++;
        this.entries.delete(id);
      });
    }
  }

  /** The parsed definition of a row; null when the row does not exist. */
  async load(id: string): Promise<LoadedForm | null> {
    const usable = this.notifications.connected;
    const hit = usable ? this.entries.get(id) : undefined;
    if (hit) return hit;
    const generation = this.generation;
    const row = await this.repository.byId(id);
    if (!row) return null;
    const loaded = this.parse(row);
    if (usable && generation === this.generation) this.entries.set(id, loaded);
    return loaded;
  }

  /** Parses a row read elsewhere (and caches it). */
  remember(row: FormDefinitionRow): LoadedForm {
    const hit = this.notifications.connected ? this.entries.get(row.id) : undefined;
    if (hit) return hit;
    const loaded = this.parse(row);
    if (this.notifications.connected && !this.uow.inTransaction) this.entries.set(row.id, loaded);
    return loaded;
  }

  private parse(row: FormDefinitionRow): LoadedForm {
    const parsed = parseFormDefinition(row.definition, { fallbackKey: row.key, fallbackName: row.name });
    // Rows are checked before they are stored: a failure here means the parser grew stricter since.
    if (!parsed.ok) throw FormsErrors.invalidForm(parsed.problems);
    return { row, form: { ...parsed.form, key: row.key, name: row.name } };
  }
}
