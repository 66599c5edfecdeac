import type { UserStatus } from '../../domain/user-status.js';
import type { UserProfileFields } from '../../infrastructure/user.entity.js';

/** The fields of a user that an administrator sets, alike when creating and when updating. */
export interface UserFields {
  readonly email?: string | null;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly password?: string;
  readonly status?: UserStatus;
  /** Role id or code. */
  readonly role?: string;
  readonly replacedBy?: string | null;
  readonly dueDate?: string | null;
  readonly company?: string | null;
  readonly externalId?: string | null;
  readonly profile?: UserProfileFields;
}
