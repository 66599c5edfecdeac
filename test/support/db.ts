import argon2 from 'argon2';
import pg from 'pg';
import type { TestApp } from './app.js';

/**
 * Runs SQL against the test's own database, on a connection of its own: for fixtures that no API
 * offers and for reading what a request left behind.
 */
export async function sql<T = Record<string, unknown>>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface NewUser {
  readonly username: string;
  /** Default `<username>@example.com`. */
  readonly email?: string;
  /** Default the column's default (empty). */
  readonly firstName?: string;
  readonly password: string;
  /** Default 3, the predefined Operator role. */
  readonly roleId?: number;
  /** Default 1, the default tenant. */
  readonly tenantId?: number;
  /** Permission codes granted to the user directly, besides the role. */
  readonly authorities?: readonly string[];
}

/** The password hash the platform stores (argon2id). */
export function passwordHash(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Creates an active user straight in the database with an argon2id password hash; answers its id. */
export async function insertUser(t: TestApp, user: NewUser): Promise<string> {
  const hash = await passwordHash(user.password);
  const [row] = await sql<{ id: string }>(
    t,
    `INSERT INTO identity.users (tenant_id, username, email, first_name, password_hash, status, role_id)
     VALUES ($1, $2, $3, $4, $5, 'active', $6) RETURNING id::text AS id`,
    [user.tenantId ?? 1, user.username, user.email ?? `${user.username}@example.com`, user.firstName ?? '', hash, user.roleId ?? 3],
  );
  await grantAuthorities(t, row!.id, user.authorities ?? []);
  return row!.id;
}

/** Grants permissions to a user directly (by code), as a system group would. */
export async function grantAuthorities(t: TestApp, userId: string | number, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql(
    t,
    `INSERT INTO identity.user_authorities (user_id, permission_id) SELECT $1, id FROM identity.permissions WHERE code = ANY($2)`,
    [userId, codes],
  );
}
