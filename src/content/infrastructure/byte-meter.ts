import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes bytes through unchanged while counting them, hashing them (SHA-256) and keeping the first
 * `headBytes` for type detection; fails the stream past `maxBytes` (a second guard behind busboy's limit).
 */
export class ByteMeter extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  bytes = 0;

  constructor(
    private readonly headBytes: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(new Error(`more than ${this.maxBytes} bytes`));
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < this.headBytes) {
      const part = chunk.subarray(0, this.headBytes - this.headLength);
      this.headChunks.push(Buffer.from(part));
      this.headLength += part.length;
    }
    callback(null, chunk);
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks, this.headLength);
  }

  /** Call once, after the stream finished. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}
