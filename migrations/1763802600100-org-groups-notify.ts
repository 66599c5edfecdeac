import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group membership (direct and nested, and group status) decides which tasks a user sees as a
 * candidate; nodes cache each user's groups and drop them on `NOTIFY meridian_org`, which these
 * triggers send at the commit of any writer of groups or memberships (as departments already do).
 */
export class OrgGroupsNotify1763802600100 implements MigrationInterface {
  name = 'OrgGroupsNotify1763802600100';

  private readonly tables = ['groups', 'group_members'];

  async up(q: QueryRunner): Promise<void> {
    for (const table of this.tables) {
      await q.query(`
        CREATE TRIGGER ${table}_org_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_structure.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION org_structure.notify_org_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of this.tables) await q.query(`DROP TRIGGER ${table}_org_notify ON org_structure.${table}`);
  }
}
