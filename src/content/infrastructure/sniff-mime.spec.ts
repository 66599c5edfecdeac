import { describe, expect, it } from '@jest/globals';
import { looksLikeText, sniffMime } from './sniff-mime.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const CFB = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 0)]);

describe('sniffMime (the type from the bytes, never from the client)', () => {
  it('recognises magic numbers whatever the name says', async () => {
    expect(await sniffMime(PNG, 'report.pdf')).toBe('image/png');
    expect(await sniffMime(Buffer.from('%PDF-1.7\n...'), 'cat.png')).toBe('application/pdf');
  });

  it('calls valid UTF-8 without NUL bytes text: text/plain, never HTML; text/csv for .csv', async () => {
    expect(await sniffMime(Buffer.from('<html><script>x()</script></html>'), 'page.html')).toBe('text/plain');
    expect(await sniffMime(Buffer.from('a;b\n1;2\n'), 'table.csv')).toBe('text/csv');
    expect(await sniffMime(Buffer.from('Grüße, 你好'), 'hello.txt')).toBe('text/plain');
  });

  it('uses the extension only to tell apart what the bytes cannot: OLE2 containers', async () => {
    expect(await sniffMime(CFB, 'old.doc')).toBe('application/msword');
    expect(await sniffMime(CFB, 'old.xls')).toBe('application/vnd.ms-excel');
    expect(await sniffMime(CFB, 'mystery.bin')).toBe('application/x-cfb');
  });

  it('falls back to application/octet-stream for unknown binary data', async () => {
    expect(await sniffMime(Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0x00]), 'x.txt')).toBe('application/octet-stream');
  });

  it('accepts a UTF-8 sequence cut at the end of the sample, refuses NUL bytes and invalid UTF-8', () => {
    const cut = Buffer.from('é', 'utf8').subarray(0, 1);
    expect(looksLikeText(Buffer.concat([Buffer.from('abc'), cut]))).toBe(true);
    expect(looksLikeText(Buffer.from('a\u0000b'))).toBe(false);
    expect(looksLikeText(Buffer.from([0xc3, 0x28]))).toBe(false);
  });
});
