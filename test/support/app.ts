import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase } from './database.js';

export const ADMIN_PASSWORD = 'admin-password-1';
export const OAUTH_CLIENT_SECRET = 'meridian-test-client-secret';

export interface TestApp {
  readonly app: NestExpressApplication;
  /** Base URL of the running server (real HTTP on a loopback port). */
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly config: AppConfig;
  /** supertest against the running server. */
  http(): ReturnType<typeof supertest>;
  /** `Authorization: Basic …` for the bootstrap administrator. */
  readonly adminBasic: string;
  close(): Promise<void>;
}

export function basic(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}

/** Starts the whole platform on a fresh database, listening on a random loopback port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Content bytes go to a directory of this app's own, removed on close (unless the test names one).
  const ownDataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'meridian-test-data-')) : undefined;
  const config = loadConfig({
    ...(ownDataDir !== undefined ? { DATA_DIR: ownDataDir } : {}),
    ADMIN_PASSWORD,
    OAUTH_CLIENT_SECRET,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '50',
    ...env,
    DATABASE_URL: database.url,
  });
  const app = await createApp(config, database.url);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    config,
    http: () => supertest(baseUrl),
    adminBasic: basic('admin', ADMIN_PASSWORD),
    async close() {
      await app.close();
      await database.drop();
      if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
