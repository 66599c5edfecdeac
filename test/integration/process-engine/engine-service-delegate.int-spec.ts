import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import pg from 'pg';
import { loadConfig } from '../../../src/config/config.js';
import { AppModule } from '../../../src/app.module.js';
import type { Principal } from '../../../src/identity/index.js';
import { PrincipalLoader } from '../../../src/identity/infrastructure/principal.loader.js';
import { DeployProcess } from '../../../src/process-engine/application/deployments/deploy-process.use-case.js';
import { SERVICE_TASK_DELEGATES, type ServiceTaskCall, type ServiceTaskDelegate } from '../../../src/process-engine/application/engine/service-task-delegate.js';
import { StartProcessInstance } from '../../../src/process-engine/application/instances/start-process-instance.use-case.js';
import { ADMIN_PASSWORD, OAUTH_CLIENT_SECRET } from '../../support/app.js';
import { createTestDatabase } from '../../support/database.js';

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" targetNamespace="http://x">
  <process id="scored" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="score"/>
    <serviceTask id="score" name="Score" activiti:delegateExpression="\${scoring}"/>
    <sequenceFlow id="f2" sourceRef="score" targetRef="unknown"/>
    <serviceTask id="unknown" name="Nobody implements me" activiti:delegateExpression="\${notRegistered}"/>
    <sequenceFlow id="f3" sourceRef="unknown" targetRef="review"/>
    <userTask id="review" name="Review"/>
    <sequenceFlow id="f4" sourceRef="review" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/** The ServiceTaskDelegate port: a registered delegate runs in the step's transaction; unregistered ones pass through. */
describe('engine core: service-task delegates (the no-op hook and a registered one)', () => {
  let module: TestingModule;
  let drop: () => Promise<void>;
  let url: string;
  let actor: Principal;
  const calls: ServiceTaskCall[] = [];
  let fail = false;
  const scoring: ServiceTaskDelegate = {
    name: 'scoring',
    async execute(call) {
      calls.push(call);
      if (fail) throw new Error('scoring service refused');
      return { score: (call.variables.amount as number) * 2 };
    },
  };

  const count = async (table: string): Promise<number> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM process_engine.${table}`)).rows[0]!.n;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    const db = await createTestDatabase();
    url = db.url;
    drop = db.drop;
    const config = loadConfig({ ADMIN_PASSWORD, OAUTH_CLIENT_SECRET, LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '50', DATABASE_URL: url });
    module = await Test.createTestingModule({ imports: [AppModule.register(config, url)] })
      .overrideProvider(SERVICE_TASK_DELEGATES)
      .useValue([scoring])
      .compile();
    module.useLogger(false);
    await module.init();
    const loader = module.get(PrincipalLoader, { strict: false });
    actor = loader.toPrincipal((await loader.rowById('1'))!, 'basic');
    await module.get(DeployProcess, { strict: false }).execute({ actor, resources: [{ name: 'scored.bpmn', bytes: Buffer.from(BPMN) }] });
  });

  afterAll(async () => {
    await module.close();
    await drop();
  });

  it('calls the registered delegate with the variables and stores what it returns; an unregistered one passes through', async () => {
    const start = module.get(StartProcessInstance, { strict: false });
    const r = await start.execute({ actor, processDefinitionKey: 'scored', variables: [{ name: 'amount', type: 'integer', value: 21 }] });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ instanceId: r.instanceId, nodeId: 'score', variables: { amount: 21 } });
    expect(r.taskIds).toHaveLength(1);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const vars = await c.query(`SELECT name, type, value FROM process_engine.variables WHERE instance_id = $1 AND name = 'score'`, [r.instanceId]);
      expect(vars.rows).toEqual([{ name: 'score', type: 'integer', value: 42 }]);
    } finally {
      await c.end();
    }
  });

  it('a delegate that throws rolls the whole step back: no instance, no task', async () => {
    const before = [await count('process_instances'), await count('tasks'), await count('variables')];
    fail = true;
    try {
      await expect(
        module.get(StartProcessInstance, { strict: false }).execute({ actor, processDefinitionKey: 'scored', variables: [{ name: 'amount', value: 1 }] }),
      ).rejects.toThrow('scoring service refused');
    } finally {
      fail = false;
    }
    expect([await count('process_instances'), await count('tasks'), await count('variables')]).toEqual(before);
  });
});
