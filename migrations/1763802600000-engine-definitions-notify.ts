import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nodes keep what starting an instance reads of a definition (the latest version of a key, its
 * `suspended` flag, its candidate starters) in memory and drop it on `NOTIFY meridian_engine_definitions`,
 * sent by these triggers at the commit of any writer of definitions, deployments or a definition's
 * identity links. Links of instances and tasks (written by every start and completion) do not
 * notify: the row triggers' WHEN clauses skip them without calling anything.
 */
export class EngineDefinitionsNotify1763802600000 implements MigrationInterface {
  name = 'EngineDefinitionsNotify1763802600000';

  private readonly tables = ['process_definitions', 'deployments'];

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION process_engine.notify_definition_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('meridian_engine_definitions', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of this.tables) {
      await q.query(`
        CREATE TRIGGER ${table}_definitions_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON process_engine.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION process_engine.notify_definition_change()`);
    }
    await q.query(`
      CREATE TRIGGER identity_links_definitions_notify_ins AFTER INSERT ON process_engine.identity_links
      FOR EACH ROW WHEN (NEW.definition_id IS NOT NULL) EXECUTE FUNCTION process_engine.notify_definition_change()`);
    await q.query(`
      CREATE TRIGGER identity_links_definitions_notify_upd AFTER UPDATE ON process_engine.identity_links
      FOR EACH ROW WHEN (OLD.definition_id IS NOT NULL OR NEW.definition_id IS NOT NULL) EXECUTE FUNCTION process_engine.notify_definition_change()`);
    await q.query(`
      CREATE TRIGGER identity_links_definitions_notify_del AFTER DELETE ON process_engine.identity_links
      FOR EACH ROW WHEN (OLD.definition_id IS NOT NULL) EXECUTE FUNCTION process_engine.notify_definition_change()`);
    await q.query(`
      CREATE TRIGGER identity_links_definitions_notify_trunc AFTER TRUNCATE ON process_engine.identity_links
      FOR EACH STATEMENT EXECUTE FUNCTION process_engine.notify_definition_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const suffix of ['ins', 'upd', 'del', 'trunc']) await q.query(`DROP TRIGGER identity_links_definitions_notify_${suffix} ON process_engine.identity_links`);
    for (const table of this.tables) await q.query(`DROP TRIGGER ${table}_definitions_notify ON process_engine.${table}`);
    await q.query(`DROP FUNCTION process_engine.notify_definition_change()`);
  }
}
