import { describe, expect, it } from '@jest/globals';
import { zipSync } from 'fflate';
import { DomainError } from '../../../libs/kernel/domain-error.js';
import { isArchiveResource, MAX_ARCHIVE_ENTRIES, unpackArchive } from './deployment-archive.js';

const zip = (files: Record<string, Uint8Array>): Buffer => Buffer.from(zipSync(files));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('unpackArchive', () => {
  it('answers the files with their paths, directories skipped', () => {
    const bytes = zip({ 'p.bpmn20.xml': text('<x/>'), 'forms/': new Uint8Array(0), 'forms/a.form': text('{"key":"a"}') });
    expect(unpackArchive('d.zip', bytes, 1024).map((f) => [f.name, f.bytes.toString('utf8')])).toEqual([
      ['p.bpmn20.xml', '<x/>'],
      ['forms/a.form', '{"key":"a"}'],
    ]);
  });

  it.each(['../a.form', 'forms/../../a.form', '/etc/a.form', 'C:/a.form', 'a\\b.form', './a.form', 'a//b.form'])('refuses the entry name %s (400)', (name) => {
    const e = refusal(() => unpackArchive('d.zip', zip({ [name]: text('{}') }), 1024));
    expect(e).toMatchObject({ kind: 'validation', code: 'ENGINE.INVALID_ARCHIVE' });
  });

  it('refuses more than MAX_ARCHIVE_ENTRIES entries (400)', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ARCHIVE_ENTRIES; i++) files[`f${i}`] = new Uint8Array([1]);
    expect(refusal(() => unpackArchive('d.zip', zip(files), 1 << 20)).message).toContain(`more than ${MAX_ARCHIVE_ENTRIES} entries`);
  });

  it('stops a zip bomb at the byte cap (413), counting inflated bytes across entries', () => {
    const bomb = zip({ 'a.bin': new Uint8Array(3_000_000), 'b.bin': new Uint8Array(3_000_000) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(refusal(() => unpackArchive('bomb.zip', bomb, 5_000_000))).toMatchObject({ kind: 'payload_too_large', code: 'ENGINE.ARCHIVE_TOO_LARGE' });
    expect(unpackArchive('ok.zip', bomb, 6_000_000)).toHaveLength(2);
  });

  it('refuses what is not a zip (400)', () => {
    expect(refusal(() => unpackArchive('d.zip', Buffer.from('just text'), 1024))).toMatchObject({ code: 'ENGINE.INVALID_ARCHIVE' });
    expect(refusal(() => unpackArchive('d.zip', Buffer.alloc(0), 1024))).toMatchObject({ code: 'ENGINE.INVALID_ARCHIVE' });
  });

  it('knows archives by extension', () => {
    expect(['a.zip', 'A.ZIP', 'b.bar'].map(isArchiveResource)).toEqual([true, true, true]);
    expect(['a.bpmn', 'a.form', 'zip'].map(isArchiveResource)).toEqual([false, false, false]);
  });
});
