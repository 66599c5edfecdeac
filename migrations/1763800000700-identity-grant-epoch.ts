import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that moves whenever what a role or a user is granted changes (role permissions,
 * direct authorities). Nodes cache each user's permission set under the epoch they read it at;
 * every request reads the epoch with the user's row, so a grant or revocation takes effect on the
 * very next request on every node, without recomputing permissions on every request.
 * Statement-level triggers make every writer, SQL by hand included, move the counter.
 */
export class IdentityGrantEpoch1763800000700 implements MigrationInterface {
  name = 'IdentityGrantEpoch1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity.grant_epoch (
        id     smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        value  bigint   NOT NULL
      )`);
    await q.query(`INSERT INTO identity.grant_epoch (id, value) VALUES (1, 1)`);
    await q.query(`
      CREATE FUNCTION identity.bump_grant_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE identity.grant_epoch SET value = value + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    for (const table of ['role_permissions', 'user_authorities', 'permissions']) {
      await q.query(`
        CREATE TRIGGER ${table}_grant_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON identity.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION identity.bump_grant_epoch()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['role_permissions', 'user_authorities', 'permissions']) {
      await q.query(`DROP TRIGGER ${table}_grant_epoch ON identity.${table}`);
    }
    await q.query(`DROP FUNCTION identity.bump_grant_epoch()`);
    await q.query(`DROP TABLE identity.grant_epoch`);
  }
}
