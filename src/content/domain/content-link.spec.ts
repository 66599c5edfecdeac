import { describe, expect, it } from '@jest/globals';
import { checkLinkMimeType, checkLinkTarget, checkLinkUrl } from './content-link.js';

const codeAndField = (f: () => unknown): unknown => {
  try {
    f();
    return 'ok';
  } catch (e) {
    const err = e as { code: string; details: { field?: string } };
    return [err.code, err.details.field];
  }
};

describe('content links', () => {
  it('accepts absolute http and https URLs up to 2,000 characters', () => {
    expect(checkLinkUrl('https://share.example.com/share/page/document-details?nodeRef=workspace://SpacesStore/30358280')).toMatch(/^https:/);
    expect(checkLinkUrl('http://example.com/a?b=c#d')).toBe('http://example.com/a?b=c#d');
    expect(checkLinkUrl(`https://example.com/${'a'.repeat(1980)}`)).toHaveLength(2000);
  });

  it('refuses script, data, file and relative URLs, credentials, whitespace and overlong URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.com/x',
      '/relative/path',
      '//example.com/x',
      'https://user:secret@example.com/',
      'https://example.com/a b',
      'https://example.com/\u0000',
      `https://example.com/${'a'.repeat(1981)}`,
      '',
    ]) {
      expect([url, codeAndField(() => checkLinkUrl(url))]).toEqual([url, ['CONTENT.INVALID_LINK', 'linkUrl']]);
    }
  });

  it('checks declared MIME types and defaults to application/octet-stream', () => {
    expect(checkLinkMimeType(undefined)).toBe('application/octet-stream');
    expect(checkLinkMimeType('Image/PNG')).toBe('image/png');
    expect(checkLinkMimeType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toMatch(/^application\//);
    for (const bad of ['png', 'image/', 'text/html; charset=utf-8', 'a/b/c', '<script>/x']) {
      expect(codeAndField(() => checkLinkMimeType(bad))).toEqual(['CONTENT.INVALID_LINK', 'mimeType']);
    }
  });

  it('needs a URL or a repository item', () => {
    expect(codeAndField(() => checkLinkTarget({ source: 'alfresco-1', sourceId: '30358280@swsdp' }))).toBe('ok');
    expect(codeAndField(() => checkLinkTarget({ linkUrl: 'https://x.example' }))).toBe('ok');
    expect(codeAndField(() => checkLinkTarget({ source: 'alfresco-1' }))).toEqual(['CONTENT.INVALID_LINK', 'linkUrl']);
  });
});
