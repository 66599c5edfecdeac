import { expect } from '@jest/globals';
import { basic, type TestApp } from '../../support/app.js';

export const WS = '/api/1.0/workflow';
export const ADMIN_UID = '00000000000000000000000000000001';
export const ROLE_UID = {
  admin: '00000000000000000000000000000002',
  operator: '00000000000000000000000000000003',
  manager: '00000000000000000000000000000004',
} as const;
export const PASSWORD = 'S3cret-pass';

export const USER_FIELDS = [
  'usr_uid', 'usr_username', 'usr_password', 'usr_firstname', 'usr_lastname', 'usr_email', 'usr_due_date', 'usr_create_date',
  'usr_update_date', 'usr_status', 'usr_country', 'usr_city', 'usr_location', 'usr_address', 'usr_phone', 'usr_fax', 'usr_cellular',
  'usr_zip_code', 'dep_uid', 'usr_position', 'usr_resume', 'usr_birthday', 'usr_role', 'usr_reports_to', 'usr_replaced_by', 'usr_ux',
].sort();

export const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export interface Pm3UserBody {
  usr_uid: string;
  usr_username: string;
  usr_role: string;
  usr_status: string;
  [key: string]: unknown;
}

export async function createUser(t: TestApp, username: string, extra: Record<string, string> = {}): Promise<Pm3UserBody> {
  const res = await t
    .http()
    .post(`${WS}/user`)
    .set('Authorization', t.adminBasic)
    .send({
      usr_username: username,
      usr_firstname: `First ${username}`,
      usr_lastname: `Last ${username}`,
      usr_email: `${username}@example.com`,
      usr_due_date: '2030-12-31',
      usr_status: 'ACTIVE',
      usr_role: 'PROCESSMAKER_OPERATOR',
      usr_new_pass: PASSWORD,
      usr_cnf_pass: PASSWORD,
      ...extra,
    });
  expect(res.status).toBe(200);
  return res.body as Pm3UserBody;
}

export function auth(username: string, password = PASSWORD): string {
  return basic(username, password);
}

/** Asserts the ProcessMaker 3 error body: `{error:{code,message}}` with the status' prefix. */
export function expectPm3Error(res: { status: number; body: unknown }, status: number, message: string | RegExp): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: { error: { code: status, message: typeof message === 'string' ? message : expect.stringMatching(message) } },
  });
}
