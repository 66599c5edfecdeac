import { DomainError } from '../../../libs/kernel/domain-error.js';

export const MAX_LINK_URL = 2000;
export const MAX_SOURCE = 255;
export const MAX_SOURCE_ID = 1024;

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

const invalid = (field: string, message: string, value?: unknown): DomainError => DomainError.validation('CONTENT.INVALID_LINK', message, { field, value });

/**
 * A link's URL is shown to people who may click it: only absolute http(s) URLs, without
 * credentials, at most 2,000 characters. `javascript:`, `data:`, `file:` and relative URLs are
 * refused (400), so that a link cannot run script in a viewer's browser.
 */
export function checkLinkUrl(raw: string): string {
  if (raw.length > MAX_LINK_URL) throw invalid('linkUrl', `linkUrl is at most ${MAX_LINK_URL} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('linkUrl', 'linkUrl must be an absolute http or https URL', raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('linkUrl', 'linkUrl must be an http or https URL', raw);
  if (url.username !== '' || url.password !== '') throw invalid('linkUrl', 'linkUrl must not carry credentials', raw);
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) throw invalid('linkUrl', 'linkUrl must not contain spaces or control characters', raw);
  return raw;
}

/** A declared MIME type (links cannot be sniffed: there are no bytes): `type/subtype`, lower-cased; absent = application/octet-stream. */
export function checkLinkMimeType(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'application/octet-stream';
  if (!MIME_TYPE.test(raw)) throw invalid('mimeType', 'mimeType must be a MIME type such as image/png', raw);
  return raw.toLowerCase();
}

/** What a link names: a URL, or an item of a named repository (`source` + `sourceId`), or both; never neither. */
export function checkLinkTarget(input: { linkUrl?: string | null; source?: string | null; sourceId?: string | null }): void {
  if (!input.linkUrl && !input.sourceId) throw invalid('linkUrl', 'A link needs linkUrl, or source and sourceId');
}

export const linkCopyUnsupported = (): DomainError =>
  DomainError.validation(
    'CONTENT.COPY_UNSUPPORTED',
    'Only links are supported here (link must be true): copying content from another repository is not; upload the bytes with raw-content',
    { field: 'link', value: false },
  );
