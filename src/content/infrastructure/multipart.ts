import type { IncomingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { ContentErrors } from '../domain/content.errors.js';

/** The request as the upload pipeline reads it: its headers and its body as a stream (an Express request is one). */
export type UploadRequest = Readable & { readonly headers: IncomingHttpHeaders };

export interface FilePartInfo {
  readonly fieldName: string;
  readonly fileName: string;
  readonly declaredMime: string;
}

/** Multipart overhead (boundaries, part headers, small fields) allowed beyond the file limit before the length alone is refused. */
const ENVELOPE_SLACK = 1024 * 1024;

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Reads a multipart/form-data request with busboy, straight from the socket, and hands the first
 * file part to `consume` as a stream (memory stays flat however large the file). Resolves only
 * once the whole request was read, so the answer — success or error — never races the client
 * still sending: further parts and what lies past the size limit are read and dropped. The file
 * stream of an over-limit file (more than `maxBytes`) ends early with `truncated` set and emits
 * `limit`; `consume` must treat that as a failure. Errors: not multipart or malformed (400), no file part (400), a
 * Content-Length far beyond the limit (413, refused before parsing).
 */
export async function receiveFile<T>(request: UploadRequest, maxBytes: number, consume: (file: Readable, info: FilePartInfo) => Promise<T>): Promise<T> {
  const length = Number(request.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes + ENVELOPE_SLACK) {
    request.resume();
    await once(request, 'end').catch(() => undefined);
    throw ContentErrors.tooLarge(maxBytes);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: request.headers, limits: { fileSize: maxBytes + 1, files: 1, fields: 50, fieldSize: 64 * 1024, parts: 100 } });
  } catch {
    request.resume();
    throw ContentErrors.notMultipart();
  }
  let work: Promise<Settled<T>> | undefined;
  parser.on('file', (fieldName, stream, info) => {
    if (work) {
      stream.resume();
      return;
    }
    work = consume(stream, { fieldName, fileName: info.filename ?? '', declaredMime: info.mimeType }).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        // Keep the parser going (it waits for the file stream to be read) so the rest of the request is drained.
        stream.resume();
        return { ok: false as const, error };
      },
    );
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.once('close', resolve);
    // `on`, not `once`: busboy may report a malformed body more than once.
    parser.on('error', reject);
    request.on('error', reject);
    request.once('aborted', () => reject(new Error('the client aborted the request')));
  });
  request.pipe(parser);
  try {
    await parsed;
  } catch (error) {
    request.unpipe(parser);
    request.resume();
    // Fails the file stream too (an aborted request never ends it), so that the store removes what it wrote.
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
    if (work) await work;
    throw ContentErrors.malformedUpload(error instanceof Error ? error.message : String(error));
  }
  if (!work) throw ContentErrors.fileMissing();
  const outcome = await work;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
