import { Unzip, UnzipInflate } from 'fflate';
import { DomainError } from '../../../libs/kernel/domain-error.js';

/** A zip (or Activiti business archive) uploaded as one `file` part of a deployment. */
export function isArchiveResource(name: string): boolean {
  return /\.(zip|bar)$/i.test(name);
}

/** At most this many entries in one archive. */
export const MAX_ARCHIVE_ENTRIES = 500;

/** Compressed bytes handed to the inflater at a time: bounds what one step can produce (deflate expands at most ~1032×). */
const PUSH_BYTES = 4096;

const archiveError = (name: string, message: string): DomainError =>
  DomainError.validation('ENGINE.INVALID_ARCHIVE', `${name}: ${message}`, { field: 'file', value: name });

/**
 * An entry name that stays inside the archive: relative, no `..` or `.` segment, no backslash, no
 * drive letter, no control characters. Such names become resource names as they are.
 */
function safeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || /[\u0000-\u001f]/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '..' && seg !== '.' && seg !== '');
}

/**
 * Unpacks a zip streaming, with the guards a zip bomb needs: at most MAX_ARCHIVE_ENTRIES entries,
 * and the uncompressed bytes of all entries (counted as they are inflated, not as the archive
 * declares them) at most `maxBytes` — beyond it 413, without ever holding more than that. Entry
 * names that would leave the archive (`../x`, `/etc/x`, `C:\x`) are a 400. Directory entries are
 * skipped. A corrupt archive is a 400.
 */
export function unpackArchive(archiveName: string, bytes: Buffer, maxBytes: number): Array<{ name: string; bytes: Buffer }> {
  const files: Array<{ name: string; bytes: Buffer }> = [];
  let entries = 0;
  let total = 0;
  // The first refusal wins: fflate may report a handler's exception again as an inflate error.
  let failure: DomainError | null = null;
  const fail = (e: DomainError): never => {
    failure ??= e;
    throw failure;
  };
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    entries += 1;
    if (entries > MAX_ARCHIVE_ENTRIES) fail(archiveError(archiveName, `more than ${MAX_ARCHIVE_ENTRIES} entries`));
    if (file.name.endsWith('/')) return; // a directory
    if (!safeEntryName(file.name)) fail(archiveError(archiveName, `entry name '${file.name.slice(0, 100)}' is not a plain relative path`));
    if (file.compression !== 0 && file.compression !== 8) fail(archiveError(archiveName, `entry '${file.name}' uses an unsupported compression method`));
    const chunks: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (err) fail(archiveError(archiveName, `entry '${file.name}' is corrupt`));
      total += chunk.length;
      if (total > maxBytes) {
        fail(new DomainError('payload_too_large', 'ENGINE.ARCHIVE_TOO_LARGE', `${archiveName}: unpacked, the archive is larger than ${maxBytes} bytes`, {
          field: 'file',
          value: archiveName,
        }));
      }
      chunks.push(chunk);
      if (final) files.push({ name: file.name, bytes: Buffer.concat(chunks) });
    };
    file.start();
  };
  try {
    for (let i = 0; i < bytes.length; i += PUSH_BYTES) unzip.push(bytes.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= bytes.length);
    if (bytes.length === 0) unzip.push(new Uint8Array(0), true);
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof DomainError) throw e;
    throw archiveError(archiveName, 'not a readable zip archive');
  }
  if (failure) throw failure;
  if (files.length === 0 && !looksLikeZip(bytes)) throw archiveError(archiveName, 'not a readable zip archive');
  return files;
}

function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}
