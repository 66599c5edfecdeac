import pg from 'pg';
import type { TestApp } from '../../support/app.js';

export interface DbSnapshot {
  readonly users: readonly Record<string, unknown>[];
  readonly authorities: readonly Record<string, unknown>[];
}

/** Everything a Questetra identity call could change, read straight from the database. */
export async function snapshot(t: TestApp): Promise<DbSnapshot> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const users = await client.query(
      `SELECT id::text, username, email, first_name, last_name, status, role_id::text, password_hash, deleted_at
         FROM identity.users ORDER BY id`,
    );
    const authorities = await client.query(
      `SELECT user_id::text, permission_id::text, granted_at FROM identity.user_authorities ORDER BY user_id, permission_id`,
    );
    return { users: users.rows as Record<string, unknown>[], authorities: authorities.rows as Record<string, unknown>[] };
  } finally {
    await client.end();
  }
}

export async function sql(t: TestApp, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Adds a user through the API as the administrator; answers the new QuserEntry. */
export async function addQuser(
  t: TestApp,
  name: string,
  email: string,
  password: string,
): Promise<{ id: number; name: string; email: string }> {
  const res = await t.http().post('/API/UGA/Quser/add').set('Authorization', t.adminBasic).type('form').send({ name, email, password });
  if (res.status !== 200) throw new Error(`add ${email}: ${res.status} ${res.text}`);
  return (res.body as { quser: { id: number; name: string; email: string } }).quser;
}
