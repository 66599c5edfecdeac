import { jest } from '@jest/globals';
import { UnitOfWork } from '../../libs/platform/transaction/unit-of-work.js';
import type { TestApp } from './app.js';

/**
 * Runs `run` and answers what it sent through the unit of work: one entry per statement, named by
 * its first three words (`WITH done AS`, `SELECT … FROM`), so a test can pin a hot path's statements.
 */
export async function countStatements<T>(t: TestApp, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const uow = t.app.get(UnitOfWork, { strict: false });
  const spy = jest.spyOn(uow, 'query');
  try {
    const result = await run();
    return { result, statements: spy.mock.calls.map((c) => String(c[0]).trim().split(/\s+/).slice(0, 3).join(' ')) };
  } finally {
    spy.mockRestore();
  }
}
