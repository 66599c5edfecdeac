import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { readBpmn } from '../../infrastructure/bpmn/read-bpmn.js';
import { keyFromName, minimalBpmn, MODEL_KEY_PATTERN, parseAppDefinition } from './model-content.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? String(e.details.field) : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

describe('model content', () => {
  it('derives a BPMN process id from a model name', () => {
    expect(keyFromName('Holiday request')).toBe('holidayRequest');
    expect(keyFromName('  Big   expense-claim 2 ')).toBe('bigExpenseClaim2');
    expect(keyFromName('2024 budget')).toBe('process2024Budget');
    expect(keyFromName('日本語')).toBe('process');
    expect(keyFromName('Ünïcödé näme')).toBe('unicodeName');
    for (const name of ['Holiday request', '2024 budget', '日本語', 'x'.repeat(400)]) expect(keyFromName(name)).toMatch(MODEL_KEY_PATTERN);
  });

  it('the minimal BPMN of a new process model compiles, with the key, name and description', async () => {
    const xml = minimalBpmn('holidayRequest', 'Holiday <"request"> & more', 'Days & nights');
    const result = await readBpmn(xml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.models.map((m) => [m.id, m.name, m.documentation])).toEqual([['holidayRequest', 'Holiday <"request"> & more', 'Days & nights']]);
    expect(result.models[0]!.startNodeIds).toEqual(['startEvent1']);
  });

  it('reads an app definition as Alfresco writes it, with plain ids too, and names the bad member', () => {
    expect(parseAppDefinition('{"models":[{"id":3,"name":"x"},"4",5],"theme":"theme-2","icon":"glyphicon-road","publishIdentityInfo":[]}', 'content')).toEqual({
      models: [{ id: 3 }, { id: 4 }, { id: 5 }],
      theme: 'theme-2',
      icon: 'glyphicon-road',
    });
    expect(parseAppDefinition('{}', 'content')).toEqual({ models: [], theme: 'theme-1', icon: 'glyphicon-asterisk' });
    expect(fieldOf(() => parseAppDefinition('nope', 'content'))).toBe('content');
    expect(fieldOf(() => parseAppDefinition('[]', 'content'))).toBe('content');
    expect(fieldOf(() => parseAppDefinition('{"models":{}}', 'content'))).toBe('content.models');
    expect(fieldOf(() => parseAppDefinition('{"models":[1,{"id":-2}]}', 'content'))).toBe('content.models[1]');
    expect(fieldOf(() => parseAppDefinition('{"models":[1,1]}', 'content'))).toBe('content.models');
    expect(fieldOf(() => parseAppDefinition('{"icon":3}', 'content'))).toBe('content.icon');
  });
});
