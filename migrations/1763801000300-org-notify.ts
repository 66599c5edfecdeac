import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Department membership and managers decide what user views show as `dep_uid` and
 * `usr_reports_to`; nodes cache that answer and drop it on `NOTIFY meridian_org`, sent by these
 * triggers at the commit of any writer.
 */
export class OrgNotify1763801000300 implements MigrationInterface {
  name = 'OrgNotify1763801000300';

  private readonly tables = ['departments', 'department_members'];

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION org_structure.notify_org_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('meridian_org', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of this.tables) {
      await q.query(`
        CREATE TRIGGER ${table}_org_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_structure.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION org_structure.notify_org_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of this.tables) await q.query(`DROP TRIGGER ${table}_org_notify ON org_structure.${table}`);
    await q.query(`DROP FUNCTION org_structure.notify_org_change()`);
  }
}
