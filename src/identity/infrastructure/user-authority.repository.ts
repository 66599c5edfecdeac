import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';

/** Permissions granted to a user directly (identity.user_authorities), not through a role. */
@Injectable()
export class UserAuthorityRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Grants the authority with this code; granting it again keeps the first grant. True if new. */
  async grant(userId: string, code: string): Promise<boolean> {
    const rows = (await this.uow.manager.query(
      `INSERT INTO identity.user_authorities (user_id, permission_id)
       SELECT $1, p.id FROM identity.permissions p WHERE p.code = $2 AND p.kind = 'authority'
       ON CONFLICT (user_id, permission_id) DO NOTHING
       RETURNING 1`,
      [userId, code],
    )) as unknown[];
    return rows.length > 0;
  }
}
