import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The form model a task action `attach-form` put on a task (aps form model id). When set, it wins
 * over the task's `form_key` (which then shows the same id, as Alfresco's task JSON does); a plain
 * `form_key` is resolved against the definition's deployment first (forms' `resolve`).
 */
export class EngineTaskFormModel1763803300000 implements MigrationInterface {
  name = 'EngineTaskFormModel1763803300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_engine.tasks ADD COLUMN form_model_id bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_engine.tasks DROP COLUMN form_model_id`);
  }
}
