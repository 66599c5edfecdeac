import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import pg from 'pg';
import { OAUTH_CLIENT_SECRET, type TestApp } from './app.js';

export const CLIENT_ID = 'meridian';

export function clientBasic(clientId = CLIENT_ID, secret = OAUTH_CLIENT_SECRET): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[part]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Creates a user straight in the database (no user API exists yet); role 3 = operator. */
export async function insertUser(t: TestApp, username: string, password: string, roleId = 3): Promise<string> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const hash = await argon2.hash(password, { type: argon2.argon2id });
    const res = await client.query<{ id: string }>(
      `INSERT INTO identity.users (tenant_id, username, email, password_hash, status, role_id)
       VALUES (1, $1, $2, $3, 'active', $4) RETURNING id::text AS id`,
      [username, `${username}@example.com`, hash, roleId],
    );
    return res.rows[0]!.id;
  } finally {
    await client.end();
  }
}

export async function sql<T extends pg.QueryResultRow>(t: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
