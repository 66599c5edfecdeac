import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../identity/index.js';
import type { ContentItem } from '../domain/content-item.js';
import { CONTENT_STORE, type ByteRange, type ContentStore } from '../domain/content-store.js';
import { ContentErrors } from '../domain/content.errors.js';
import { ContentAccessRules } from './content-access.js';

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range); null = ignore the header (several ranges, other units, garbage: the whole body, as RFC 9110 allows). */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export interface ContentBytes {
  readonly item: ContentItem;
  /** The part served; null = all of it. */
  readonly range: ByteRange | null;
  /** null for HEAD requests (nothing is read from the store). */
  readonly body: Readable | null;
}

/**
 * The bytes of a content item (seed 004 `GET content/{contentId}/raw`), all or one range, for those
 * who may read it. A link holds no bytes: 404. A range beyond the end: 416 (thrown as `unsatisfiable`).
 */
@Injectable()
export class ReadContentBytes {
  constructor(
    private readonly access: ContentAccessRules,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async execute(input: { readonly actor: Principal; readonly contentId: string; readonly range?: string; readonly head?: boolean }): Promise<ContentBytes | { readonly item: ContentItem; readonly unsatisfiable: true }> {
    const item = await this.access.readable(input.actor, input.contentId);
    if (item.link || item.storeKey === null || item.size === null) throw ContentErrors.noBytes(item.id);
    const range = parseRange(input.range, item.size);
    if (range === 'unsatisfiable') return { item, unsatisfiable: true };
    const body = input.head ? null : await this.store.get(item.storeKey, range ?? undefined);
    return { item, range, body };
  }
}

/** The thumbnail (PNG, at most 200×200) of a content item; 404 while it is not `created`. */
@Injectable()
export class ReadThumbnail {
  constructor(
    private readonly access: ContentAccessRules,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async execute(input: { readonly actor: Principal; readonly contentId: string; readonly head?: boolean }): Promise<{ readonly item: ContentItem; readonly body: Readable | null }> {
    const item = await this.access.readable(input.actor, input.contentId);
    if (item.thumbnailStatus !== 'created' || item.thumbnailKey === null) throw ContentErrors.noThumbnail(item.id, item.thumbnailStatus);
    return { item, body: input.head ? null : await this.store.get(item.thumbnailKey) };
  }
}
