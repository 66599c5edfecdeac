import { describe, expect, it } from '@jest/globals';
import { ownerOf, sanitizeFileName, servedInline, simpleTypeOf } from './content-item.js';

describe('content item rules', () => {
  it.each([
    ['image/png', 'image'],
    ['image/svg+xml', 'image'],
    ['application/pdf', 'pdf'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'word'],
    ['application/msword', 'word'],
    ['application/vnd.ms-excel', 'excel'],
    ['text/csv', 'excel'],
    ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'powerpoint'],
    ['text/plain', 'text'],
    ['application/zip', 'content'],
    ['application/x-elf', 'content'],
  ])('simpleType of %s is %s', (mime, simple) => {
    expect(simpleTypeOf(mime)).toBe(simple);
  });

  it('serves images and PDFs inline, SVG and everything else as attachments', () => {
    expect(servedInline('image/jpeg')).toBe(true);
    expect(servedInline('application/pdf')).toBe(true);
    expect(servedInline('image/svg+xml')).toBe(false);
    expect(servedInline('text/plain')).toBe(false);
    expect(servedInline('application/octet-stream')).toBe(false);
  });

  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\a b.txt', 'a b.txt'],
    ['  spaced.txt  ', 'spaced.txt'],
    ['bad\u0000name\u0007.txt', 'badname.txt'],
    ['dir/', null],
    ['..', null],
    ['.', null],
    ['', null],
    ['\u0001\u0002', null],
  ])('sanitises the name %j to %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('cuts long names to 255 characters keeping the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(400)}.docx`)!;
    expect(name).toHaveLength(255);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('reads the owner of a row', () => {
    expect(ownerOf({ ownerKind: 'none', processInstanceId: null, taskId: null })).toEqual({ kind: 'none' });
    expect(ownerOf({ ownerKind: 'process-instance', processInstanceId: '5', taskId: null })).toEqual({ kind: 'process-instance', processInstanceId: '5' });
    expect(ownerOf({ ownerKind: 'task', processInstanceId: null, taskId: '9' })).toEqual({ kind: 'task', taskId: '9', processInstanceId: null });
  });
});
