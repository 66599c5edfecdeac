import { Injectable } from '@nestjs/common';

/**
 * STUB (org-structure departments work replaces it): "reports to" — the manager of a user.
 */
@Injectable()
export class ManagerOfUserQuery {
  async managerOf(_tenantId: string, _userId: string): Promise<string | null> {
    return null;
  }
}
