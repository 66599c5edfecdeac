import { describe, expect, it } from '@jest/globals';
import type { AuditLogView } from '../../application/instances/get-audit-log.query.js';
import type { InstanceView } from '../../application/instances/instance.view.js';
import { javaDate, toApsAuditLog, toApsProcessInstance, toApsVariable } from './process-instances.mapper.js';

const instance: InstanceView = {
  id: '7',
  tenantId: '1',
  name: null,
  businessKey: null,
  state: 'suspended',
  startedAt: new Date('2016-01-20T14:18:46.123Z'),
  endedAt: null,
  endReason: null,
  startedById: '3',
  startedBy: null,
  definitionId: 'p:2:9',
  definitionKey: 'p',
  definitionName: 'P',
  definitionDescription: null,
  definitionCategory: null,
  definitionVersion: 2,
  deploymentId: '9',
  hasStartForm: false,
  graphicalNotation: true,
  incidents: 2,
  variables: null,
};

describe('aps process-instance mapping', () => {
  it('writes audit dates as Java\'s Date.toString() in UTC, two-digit fields', () => {
    expect(javaDate(new Date('2016-01-05T04:08:06.999Z'))).toBe('Tue Jan 05 04:08:06 UTC 2016');
    expect(javaDate(new Date('2017-12-31T23:59:59Z'))).toBe('Sun Dec 31 23:59:59 UTC 2017');
    expect(javaDate(null)).toBeNull();
  });

  it('maps an instance: numbers for the tenant, suspended from the state, variables [] when not loaded, aps dates', () => {
    expect(toApsProcessInstance(instance)).toMatchObject({
      id: '7',
      tenantId: 1,
      started: '2016-01-20T14:18:46.123+0000',
      ended: null,
      startedBy: null,
      suspended: true,
      graphicalNotationDefined: true,
      variables: [],
      incidents: 2,
      processDefinitionVersion: 2,
    });
    expect(toApsProcessInstance({ ...instance, state: 'running' }).suspended).toBe(false);
  });

  it('writes date variables in the aps date format and leaves the others as stored', () => {
    expect(toApsVariable({ name: 'd', type: 'date', value: '2026-02-01T00:00:00.000Z' })).toEqual({ name: 'd', type: 'date', value: '2026-02-01T00:00:00.000+0000' });
    expect(toApsVariable({ name: 'j', type: 'json', value: { a: 1 } })).toEqual({ name: 'j', type: 'json', value: { a: 1 } });
  });

  it('numbers audit entries from 1, with durations only for closed entries, and an empty decisionInfo', () => {
    const blank = { selectedOutcome: null, formData: [], taskName: null, taskAssignee: null, activityId: null, activityName: null, activityType: null, message: null };
    const log: AuditLogView = {
      instance,
      initiator: 'Mr Activiti',
      entries: [
        { ...blank, type: 'activityExecuted', timestamp: new Date('2016-01-20T14:18:46Z'), startTime: new Date('2016-01-20T14:18:46Z'), endTime: new Date('2016-01-20T14:18:47.5Z') },
        { ...blank, type: 'taskCreated', timestamp: new Date('2016-01-20T14:18:48Z'), startTime: new Date('2016-01-20T14:18:48Z'), endTime: null },
      ],
    };
    const aps = toApsAuditLog(log);
    expect(aps).toMatchObject({ processInstanceId: '7', processDefinitionVersion: '2', processInstanceInitiator: 'Mr Activiti', decisionInfo: { calculatedValues: [], appliedRules: [] } });
    expect(aps.entries.map((e) => [e.index, e.durationInMillis, e.endTime])).toEqual([
      [1, 1500, 'Wed Jan 20 14:18:47 UTC 2016'],
      [2, null, null],
    ]);
  });
});
