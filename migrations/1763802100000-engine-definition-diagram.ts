import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a definition's BPMN carries diagram interchange (bpmndi): the Activiti REST
 * `graphicalNotationDefined` of a process definition, decided once at deploy.
 */
export class EngineDefinitionDiagram1763802100000 implements MigrationInterface {
  name = 'EngineDefinitionDiagram1763802100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_engine.process_definitions ADD COLUMN graphical_notation boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE process_engine.process_definitions DROP COLUMN graphical_notation`);
  }
}
