/** What content items are, as rules and types (no I/O). */

export type SimpleType = 'image' | 'pdf' | 'word' | 'excel' | 'powerpoint' | 'text' | 'content';
/** design.md §8: thumbnails and previews move from `queued` to `created`, `unsupported` or `error`. */
export type RenditionStatus = 'queued' | 'created' | 'unsupported' | 'error';

export interface ContentItem {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly mimeType: string;
  readonly simpleType: SimpleType;
  /** null for links. */
  readonly size: number | null;
  readonly sha256: string | null;
  /** Where the bytes are in the content store; null for links. */
  readonly storeKey: string | null;
  readonly relatedContent: boolean;
  readonly link: boolean;
  readonly source: string | null;
  readonly sourceId: string | null;
  readonly linkUrl: string | null;
  readonly ownerKind: 'none' | 'process-instance' | 'task';
  readonly processInstanceId: string | null;
  readonly taskId: string | null;
  readonly previewStatus: RenditionStatus;
  readonly thumbnailStatus: RenditionStatus;
  readonly thumbnailKey: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const WORD = new Set([
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
]);
const EXCEL = new Set([
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/csv',
]);
const POWERPOINT = new Set([
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.presentation',
]);

/** design.md §8: one of image, pdf, word, excel, powerpoint, text, content. */
export function simpleTypeOf(mimeType: string): SimpleType {
  const mime = mimeType.toLowerCase();
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (WORD.has(mime)) return 'word';
  if (EXCEL.has(mime)) return 'excel';
  if (POWERPOINT.has(mime)) return 'powerpoint';
  if (mime.startsWith('text/')) return 'text';
  return 'content';
}

/** design.md §8: served inline only when it is an image or a PDF; anything else is an attachment. */
export function servedInline(mimeType: string): boolean {
  const simple = simpleTypeOf(mimeType);
  // SVG is an image that can carry script: never inline.
  return (simple === 'image' && mimeType.toLowerCase() !== 'image/svg+xml') || simple === 'pdf';
}

export const MAX_NAME = 255;

/**
 * The stored name of an uploaded file: its last path segment (`../../etc/passwd` → `passwd`,
 * `C:\\dir\\a.txt` → `a.txt`), without control characters, trimmed, at most 255 characters (the
 * extension kept). Answers null when nothing usable is left (empty, `.` or `..`). The name is only
 * ever shown; the bytes' location never derives from it.
 */
export function sanitizeFileName(raw: string): string | null {
  const segment = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = segment.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME - ext.length) + ext;
}

/** The owner columns of a row as the ContentOwner the policy understands. */
export function ownerOf(item: Pick<ContentItem, 'ownerKind' | 'processInstanceId' | 'taskId'>):
  | { readonly kind: 'process-instance'; readonly processInstanceId: string }
  | { readonly kind: 'task'; readonly taskId: string; readonly processInstanceId: string | null }
  | { readonly kind: 'none' } {
  if (item.ownerKind === 'task') return { kind: 'task', taskId: item.taskId!, processInstanceId: item.processInstanceId };
  if (item.ownerKind === 'process-instance') return { kind: 'process-instance', processInstanceId: item.processInstanceId! };
  return { kind: 'none' };
}
