import type { GroupStatus } from '../../domain/group-rules.js';

/** The fields a group is created with and updated by (the kind is set once, at creation). */
export interface GroupFields {
  readonly title: string;
  readonly status?: GroupStatus;
  readonly description?: string | null;
  /** Functional groups only; must be a functional group of the same tenant; null = top-level. */
  readonly parentId?: string | null;
  /** A user of the same tenant. */
  readonly managerId?: string | null;
  readonly externalId?: string | null;
  readonly lastSyncAt?: Date | null;
}
