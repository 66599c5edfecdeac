import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the engine's hot paths need and the schema lacked (each table grows with every instance):
 * - identity links by definition (candidate starters, read on every start);
 * - variables by instance (an instance's variables, read on every advance; the unique index leads
 *   with coalesce(instance_id, 0), which `instance_id = $1` cannot use; and the cascade on delete);
 * - incidents by instance alone (the cascade on delete, and lists of one instance's incidents).
 */
export class EngineRuntimeIndexes1763802100100 implements MigrationInterface {
  name = 'EngineRuntimeIndexes1763802100100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX identity_links_definition_idx ON process_engine.identity_links (definition_id) WHERE definition_id IS NOT NULL`);
    await q.query(`CREATE INDEX variables_instance_idx ON process_engine.variables (instance_id) WHERE instance_id IS NOT NULL`);
    await q.query(`CREATE INDEX incidents_instance_only_idx ON process_engine.incidents (instance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX process_engine.incidents_instance_only_idx`);
    await q.query(`DROP INDEX process_engine.variables_instance_idx`);
    await q.query(`DROP INDEX process_engine.identity_links_definition_idx`);
  }
}
