import type { Readable } from 'node:stream';

/** A byte range, both ends inclusive (HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface StoredObject {
  readonly key: string;
  readonly lastModified: Date;
}

/**
 * Where content bytes live (design.md §6): the local filesystem by default, an S3-compatible
 * object store by configuration. Keys are chosen by the content context
 * (`content/<tenant>/<yyyy>/<mm>/<uuid>`), never derived from a file name.
 */
export interface ContentStore {
  /** Writes the whole stream under `key`. On failure nothing is left under `key` (partial bytes are removed). */
  put(key: string, body: Readable): Promise<void>;
  /** The bytes (or a range of them); errors on the stream when the object is missing. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every object whose key starts with `prefix` (the orphan sweeper walks them). */
  list(prefix: string): AsyncIterable<StoredObject>;
}

export const CONTENT_STORE = Symbol('CONTENT_STORE');
