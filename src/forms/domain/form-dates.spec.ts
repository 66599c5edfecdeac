import { describe, expect, it } from '@jest/globals';
import { displayFormatProblem, parseDisplayDate, parseIsoDate } from './form-dates.js';

describe('form dates', () => {
  it.each([
    ['2026-11-22', '2026-11-22T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-11-22T10:30:00Z', '2026-11-22T10:30:00.000Z'],
    ['2026-11-22T10:30', '2026-11-22T10:30:00.000Z'],
    ['2026-11-22T12:30:00.250+02:00', '2026-11-22T10:30:00.250Z'],
    ['2026-11-22T00:30:00-0100', '2026-11-22T01:30:00.000Z'],
  ])('reads ISO %s', (text, iso) => {
    expect(parseIsoDate(text)).toBe(iso);
  });

  it.each(['2025-02-29', '2026-13-01', '2026-04-31', '2026-11-22T24:00', '22-11-2026', 'tomorrow', '2026-1-2'])('refuses %s', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });

  it('reads display formats, calendar-checked', () => {
    expect(parseDisplayDate('22-11-2026', 'D-M-YYYY')).toBe('2026-11-22T00:00:00.000Z');
    expect(parseDisplayDate('2-1-2026', 'D-M-YYYY')).toBe('2026-01-02T00:00:00.000Z');
    expect(parseDisplayDate('11/22/26', 'MM/DD/YY')).toBe('2026-11-22T00:00:00.000Z');
    expect(parseDisplayDate('31.04.2026', 'DD.MM.YYYY')).toBeNull();
    expect(parseDisplayDate('2026-11-22', 'DD-MM-YYYY')).toBeNull();
  });

  it('checks display formats', () => {
    expect(displayFormatProblem('DD-MM-YYYY')).toBeNull();
    expect(displayFormatProblem('YYYY/M/D')).toBeNull();
    expect(displayFormatProblem('DD-MM')).toContain('one day, one month and one year');
    expect(displayFormatProblem('DD-MM-YYYY HH:mm')).toContain('may use only');
    expect(displayFormatProblem('')).toContain('1 to 20');
  });
});
