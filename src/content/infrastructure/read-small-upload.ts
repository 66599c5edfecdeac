import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { DomainError } from '../../../libs/kernel/domain-error.js';

export interface SmallUpload {
  readonly bytes: Buffer;
  /** The client's file name, unsanitised (the caller decides what to keep). */
  readonly filename: string;
}

const badRequest = (code: string, message: string): DomainError => DomainError.validation(code, message, { field: 'file' });

/**
 * Reads one file part of a multipart request into memory, for small uploads only (pictures):
 * the first part named one of `parts` is kept, other parts are drained and ignored. Beyond
 * `maxBytes` the request is refused with 413 as soon as the limit is crossed (the rest is not read
 * into memory). Not multipart, no such part or zero bytes: 400.
 */
export function readSmallUpload(req: IncomingMessage, parts: readonly string[], maxBytes: number, tooLarge: () => DomainError): Promise<SmallUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // busboy treats reaching fileSize as exceeding it: one byte more, so that a file of exactly maxBytes passes.
      parser = busboy({ headers: req.headers, limits: { fileSize: maxBytes + 1, files: 10, fields: 50, fieldSize: 64 * 1024, parts: 100 } });
    } catch {
      reject(badRequest('CONTENT.NOT_MULTIPART', `The request must be multipart/form-data with the picture in a file part named ${parts.map((p) => `"${p}"`).join(' or ')}`));
      return;
    }
    let settled = false;
    let found: SmallUpload | null = null;
    const fail = (error: DomainError): void => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      // Keep reading (and discarding) the rest, so that the client sees the answer instead of a reset.
      req.resume();
      reject(error);
    };
    parser.on('file', (name, stream, info) => {
      if (found !== null || !parts.includes(name) || settled) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        chunks.length = 0;
        fail(tooLarge());
      });
      stream.on('end', () => {
        if (settled || (stream as unknown as { truncated?: boolean }).truncated) return;
        found = { bytes: Buffer.concat(chunks, size), filename: info.filename ?? '' };
      });
    });
    parser.on('error', (e: unknown) => fail(badRequest('CONTENT.MALFORMED_UPLOAD', `The multipart body is malformed: ${e instanceof Error ? e.message : String(e)}`)));
    parser.on('close', () => {
      if (settled) return;
      if (found === null) return fail(badRequest('CONTENT.FILE_MISSING', `A multipart file is required in the ${parts.map((p) => `"${p}"`).join(' or ')} part`));
      if (found.bytes.length === 0) return fail(badRequest('CONTENT.EMPTY_FILE', 'The uploaded file is empty (0 bytes)'));
      settled = true;
      resolve(found);
    });
    req.on('error', () => fail(badRequest('CONTENT.MALFORMED_UPLOAD', 'The upload was interrupted')));
    req.pipe(parser);
  });
}
