import { expect } from '@jest/globals';
import { basic, type TestApp } from '../../support/app.js';
import { insertUser, sql } from '../../support/db.js';

export const API = '/api/1.0';
export const PASSWORD = 'S3cret-pass';
export const USER_MODEL = 'ProcessMaker\\Models\\User';
export const GROUP_MODEL = 'ProcessMaker\\Models\\Group';
export const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface Pm4Group {
  id: number;
  name: string;
  description: string | null;
  manager_id: number | null;
  status: 'ACTIVE' | 'INACTIVE';
  created_at: string;
  updated_at: string;
}

export interface Pm4Meta {
  filter: string;
  sort_by: string;
  sort_order: string;
  count: number;
  total_pages: number;
  current_page: number;
  from: number | null;
  last_page: number;
  path: string;
  per_page: number;
  to: number | null;
  total: number;
}

export interface Pm4ListBody<T> {
  data: T[];
  meta: Pm4Meta;
}

export interface Pm4Membership {
  id: number;
  group_id: number;
  member_id: number;
  member_type: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** An active user with a first and last name; `operator` has the Operator role and no admin permission. */
export async function createUser(t: TestApp, username: string, roleId = 3): Promise<number> {
  const id = await insertUser(t, { username, password: PASSWORD, firstName: `First ${username}`, roleId });
  await sql(t, `UPDATE identity.users SET last_name = $2 WHERE id = $1`, [id, `Last ${username}`]);
  return Number(id);
}

export function auth(username: string): string {
  return basic(username, PASSWORD);
}

/** ProcessMaker 4's validation answer: 422 `{message, errors}` naming exactly these fields, each with a matching message. */
export function expect422(res: { status: number; body: unknown }, errors: Record<string, RegExp | string>): void {
  const expected = Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [k, expect.arrayContaining([typeof v === 'string' ? v : expect.stringMatching(v)])]),
  );
  expect({ status: res.status, body: res.body }).toEqual({ status: 422, body: { message: expect.any(String), errors: expected } });
  const body = res.body as { message: string; errors: Record<string, string[]> };
  expect(Object.values(body.errors).flat()).toContain(body.message);
}

export function expectStatusMessage(res: { status: number; body: unknown }, status: number, message: string | RegExp): void {
  expect({ status: res.status, body: res.body }).toEqual({ status, body: { message: typeof message === 'string' ? message : expect.stringMatching(message) } });
}

/** The property names of a component schema of the pm4 OpenAPI document. */
export async function documentedFields(t: TestApp, schema: string): Promise<string[]> {
  const doc = (await t.http().get('/docs/pm4-json').expect(200)).body as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
  return Object.keys(doc.components.schemas[schema]!.properties).sort();
}
