import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes the upload pipeline keeps for detection (file-type reads at most this much of a zip's entries). */
export const SNIFF_BYTES = 64 * 1024;

const CFB_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  dot: 'application/msword',
  xls: 'application/vnd.ms-excel',
  xlt: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pps: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
};

const ZIP_BY_EXTENSION: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Valid UTF-8 (a sequence cut at the end of the sample is fine) without NUL bytes: text. */
export function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The MIME type of content, from its first bytes (file-type's magic numbers), never from what the
 * client declared. The file name only refines what the bytes cannot tell apart: an OLE2 container
 * (.doc/.xls/.ppt) or a zip whose office entries lie past the sample. Text is `text/plain` (`text/csv`
 * for .csv): never `text/html` or an XML type, which a browser could run. Anything else:
 * `application/octet-stream`.
 */
export async function sniffMime(head: Buffer, name: string): Promise<string> {
  const detected = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  const ext = extensionOf(name);
  if (detected) {
    if (detected.mime === 'application/x-cfb') return CFB_BY_EXTENSION[ext] ?? detected.mime;
    if (detected.mime === 'application/zip') return ZIP_BY_EXTENSION[ext] ?? detected.mime;
    return detected.mime;
  }
  if (looksLikeText(head)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return 'application/octet-stream';
}
