import { describe, expect, it } from '@jest/globals';
import { Instance, inlineModel } from '../../../../../test/fixtures/bpmn/engine-harness.js';

const task = (attributes: string, name = 'Task') =>
  inlineModel(`<startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/><userTask id="t" name="${name}" ${attributes}/>`);

async function created(attributes: string, variables: Record<string, unknown> = {}, name?: string) {
  const i = new Instance(await task(attributes, name), variables, { now: '2026-11-22T10:00:00.000Z' });
  i.start({ initiatorId: '42' });
  return { i, task: i.of('createUserTask')[0]?.task };
}

describe('user task', () => {
  it('is a wait state: the token waits and createUserTask follows its activityStarted', async () => {
    const { i } = await created('');
    expect(i.positions()).toEqual(['t:waiting']);
    expect(i.lastEffects.slice(-2).map((e) => e.type)).toEqual(['activityStarted', 'createUserTask']);
  });

  it('without attributes: nothing assigned, no dates, no priority', async () => {
    expect((await created('')).task).toEqual({
      name: 'Task',
      documentation: null,
      assignee: null,
      candidateUsers: [],
      candidateGroups: [],
      formKey: null,
      dueDate: null,
      priority: null,
      category: null,
    });
  });

  it('assignee from a variable; numbers become text', async () => {
    expect((await created('activiti:assignee="${owner}"', { owner: 17 })).task!.assignee).toBe('17');
  });

  it('candidate users and groups: literal items, expressions, expressions giving lists, duplicates removed', async () => {
    const { task: t } = await created('activiti:candidateUsers="ann, ${reviewers}, ann" activiti:candidateGroups="${groups},audit"', {
      reviewers: ['bob', 'cy'],
      groups: 'sales, hr',
    });
    expect(t!.candidateUsers).toEqual(['ann', 'bob', 'cy']);
    expect(t!.candidateGroups).toEqual(['sales', 'hr', 'audit']);
  });

  it('due date: an ISO duration is added to now', async () => {
    expect((await created('activiti:dueDate="PT36H"')).task!.dueDate).toBe('2026-11-23T22:00:00.000Z');
    expect((await created('activiti:dueDate="P1M"')).task!.dueDate).toBe('2026-12-22T10:00:00.000Z');
  });

  it('due date: an ISO date-time, literal or from a variable', async () => {
    expect((await created('activiti:dueDate="2027-01-31T12:00:00+01:00"')).task!.dueDate).toBe('2027-01-31T11:00:00.000Z');
    expect((await created('activiti:dueDate="${deadline}"', { deadline: '2027-02-01T00:00:00Z' })).task!.dueDate).toBe('2027-02-01T00:00:00.000Z');
  });

  it('due date from a variable that is no date: incident EXPRESSION_FAILED and no task', async () => {
    const { i, task: t } = await created('activiti:dueDate="${deadline}"', { deadline: 'soon' });
    expect(t).toBeUndefined();
    expect(i.positions()).toEqual(['t:incident']);
    expect(i.of('incident')[0]).toMatchObject({ incidentType: 'EXPRESSION_FAILED', message: expect.stringContaining("'soon'") });
  });

  it('priority: a number, literal or from an expression', async () => {
    expect((await created('activiti:priority="80"')).task!.priority).toBe(80);
    expect((await created('activiti:priority="${p + 1}"', { p: 9 })).task!.priority).toBe(10);
  });

  it('an unknown variable in a template: incident EXPRESSION_FAILED naming the attribute', async () => {
    const { i } = await created('activiti:assignee="${nobody}"');
    expect(i.of('incident')[0]).toMatchObject({ incidentType: 'EXPRESSION_FAILED', nodeId: 't', message: expect.stringContaining("assignee of user task 't'") });
  });

  it('${initiator} resolves to the starting user within the same step', async () => {
    const model = await inlineModel(
      `<startEvent id="s" activiti:initiator="initiator"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/><userTask id="t" activiti:assignee="\${initiator}"/>`,
    );
    const i = new Instance(model);
    i.start({ initiatorId: '42' });
    expect(i.of('createUserTask')[0]!.task.assignee).toBe('42');
  });

  it('a task name with an expression is resolved; one that does not resolve stays as written', async () => {
    expect((await created('', { who: 'Ann' }, 'Call ${who}')).task!.name).toBe('Call Ann');
    expect((await created('', {}, 'Call ${who}')).task!.name).toBe('Call ${who}');
  });

  it("trigger 'complete' moves the waiting token on", async () => {
    const { i } = await created('');
    i.complete('t');
    expect(i.status).toBe('completed');
  });
});
