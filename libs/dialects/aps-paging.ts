/** Upper bound on one page, so that `size=1000000` cannot ask the database for everything. */
export const APS_MAX_PAGE_SIZE = 1000;
export const APS_DEFAULT_PAGE_SIZE = 25;

export interface ApsPageRequest {
  readonly start?: number;
  readonly page?: number;
  readonly size?: number;
}

export interface ApsPage<T> {
  readonly size: number;
  readonly total: number;
  readonly start: number;
  readonly data: T[];
}

/**
 * design.md §8: `size` defaults to 25, `page` is a zero-based page number, `start` a zero-based
 * item offset; `page` wins when both are sent (the Alfresco JS client sends `page`, the document `start`).
 */
export function apsOffset(req: ApsPageRequest): { offset: number; limit: number } {
  const limit = Math.min(req.size ?? APS_DEFAULT_PAGE_SIZE, APS_MAX_PAGE_SIZE);
  const offset = req.page !== undefined ? req.page * limit : (req.start ?? 0);
  return { offset, limit };
}

/** `{size, total, start, data}`: `size` is the number of items in this page, `start` the offset of the first. */
export function apsPage<T>(offset: number, total: number, data: T[]): ApsPage<T> {
  return { size: data.length, total, start: offset, data };
}
