import { Injectable } from '@nestjs/common';

/**
 * STUB (org-structure groups work replaces it): membership questions the engine asks now.
 */
@Injectable()
export class GroupMembershipQuery {
  /** Users in the group or any group nested in it (recursive). */
  async membersOf(_tenantId: string, _groupId: string): Promise<string[]> {
    return [];
  }

  /** Groups the user belongs to, directly or through nesting. */
  async groupsOf(_tenantId: string, _userId: string): Promise<Array<{ id: string; direct: boolean }>> {
    return [];
  }
}
