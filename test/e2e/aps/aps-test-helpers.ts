import { expect } from '@jest/globals';
import { basic, type TestApp } from '../../support/app.js';
import { grantAuthorities } from '../../support/db.js';

export const API = '/activiti-app/api/enterprise';
export const APS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

export interface CreatedUser {
  readonly id: number;
  readonly email: string;
  readonly password: string;
  readonly auth: string;
}

let counter = 0;

/** Creates a user through the aps admin API as the bootstrap administrator. */
export async function createUser(
  t: TestApp,
  fields: Record<string, unknown> = {},
): Promise<CreatedUser> {
  counter += 1;
  const email = (fields.email as string | undefined) ?? `user${counter}-${Date.now()}@example.com`;
  const password = (fields.password as string | undefined) ?? `pw-${counter}-secret`;
  const res = await t
    .http()
    .post(`${API}/admin/users`)
    .set('Authorization', t.adminBasic)
    .send({ firstName: `First${counter}`, lastName: `Last${counter}`, status: 'active', type: 'enterprise', tenantId: 1, ...fields, email, password });
  expect(res.status).toBe(200);
  return { id: res.body.id as number, email, password, auth: basic(email, password) };
}

/** Creates a tenant through the aps admin API as the bootstrap administrator; answers its id. */
export async function createTenant(t: TestApp, name: string): Promise<number> {
  const res = await t.http().post(`${API}/admin/tenants`).set('Authorization', t.adminBasic).send({ name });
  expect(res.status).toBe(200);
  return res.body.id as number;
}

/** A tenant admin without tenant-mgmt: granted the capability directly, as a system group would. */
export async function createTenantAdmin(t: TestApp): Promise<CreatedUser> {
  const user = await createUser(t);
  await grantAuthorities(t, user.id, ['tenant-admin']);
  return user;
}

export function expectApsError(body: unknown, messageKey: string, field?: string): void {
  expect(body).toEqual(
    expect.objectContaining({ message: expect.any(String), messageKey, ...(field !== undefined ? { field } : {}) }),
  );
}
