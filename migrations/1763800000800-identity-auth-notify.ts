import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to what authentication reads (users, roles, tenants, the grant epoch, revoked
 * tokens) sends a NOTIFY on `meridian_auth` at commit, whoever wrote it — a node, a migration or
 * an operator in psql. Nodes keep authenticated principals in memory and drop them on it.
 */
export class IdentityAuthNotify1763800000800 implements MigrationInterface {
  name = 'IdentityAuthNotify1763800000800';

  private readonly tables = ['users', 'roles', 'tenants', 'grant_epoch', 'oauth_revoked_access_tokens', 'oauth_clients'];

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION identity.notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('meridian_auth', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of this.tables) {
      await q.query(`
        CREATE TRIGGER ${table}_auth_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON identity.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION identity.notify_auth_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of this.tables) await q.query(`DROP TRIGGER ${table}_auth_notify ON identity.${table}`);
    await q.query(`DROP FUNCTION identity.notify_auth_change()`);
  }
}
