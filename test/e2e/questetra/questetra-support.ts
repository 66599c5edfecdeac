import type { TestApp } from '../../support/app.js';
import { sql } from '../../support/db.js';

export interface DbSnapshot {
  readonly users: readonly Record<string, unknown>[];
  readonly authorities: readonly Record<string, unknown>[];
}

/** Everything a Questetra identity call could change, read straight from the database. */
export async function snapshot(t: TestApp): Promise<DbSnapshot> {
  const users = await sql(
    t,
    `SELECT id::text, username, email, first_name, last_name, status, role_id::text, password_hash, deleted_at
       FROM identity.users ORDER BY id`,
  );
  const authorities = await sql(
    t,
    `SELECT user_id::text, permission_id::text, granted_at FROM identity.user_authorities ORDER BY user_id, permission_id`,
  );
  return { users, authorities };
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
