import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../../kernel/domain-error.js';

/** Depth of a parsed JSON value, computed without recursion so a hostile body cannot blow the stack. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) max = depth;
    for (const child of Object.values(current as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return max;
}

/** design.md §8: JSON nested deeper than the limit is refused with a 400 in the caller's dialect. */
export function jsonDepthLimit(limit: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (req.body !== undefined && typeof req.body === 'object' && jsonDepth(req.body) > limit) {
      next(DomainError.validation('REQUEST.TOO_DEEP', `JSON nesting deeper than ${limit} levels is not accepted`, { field: 'body' }));
      return;
    }
    next();
  };
}
