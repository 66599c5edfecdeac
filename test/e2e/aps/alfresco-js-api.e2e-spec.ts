import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AlfrescoApiInstance, jsApi } from '../../support/alfresco-js-api.js';
import { ADMIN_PASSWORD, OAUTH_CLIENT_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { clientBasic } from '../../support/oauth.js';

const { AboutApi, ActivitiGroupsApi, AdminGroupsApi, AdminTenantsApi, AdminUsersApi, AlfrescoApi, UserProfileApi, UsersApi } = jsApi;

/** Alfresco's own JavaScript client, unchanged, against the running server (BASIC mode). */
describe('aps: @alfresco/js-api drives the dialect', () => {
  let t: TestApp;
  let api: AlfrescoApiInstance;
  beforeAll(async () => {
    t = await startTestApp();
    api = new AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects a login with a wrong password (401)', async () => {
    const failed = new AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    // AlfrescoApi.login() chains `promise.then(...)` without a rejection handler (alfrescoApi.js), so a failed
    // login leaks an unhandled rejection that jest reports as a failure; its BPM half, processAuth.login(),
    // sends the very same request and is what we observe here.
    let unauthorizedEvent = false;
    const error: unknown = await failed.processAuth
      .login('admin', 'not-the-password')
      .on('unauthorized', () => {
        unauthorizedEvent = true;
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(unauthorizedEvent).toBe(true);
    expect((error as { status?: number }).status).toBe(401);
    expect(JSON.parse((error as Error).message)).toMatchObject({ messageKey: 'GENERAL.ERROR.UNAUTHORIZED' });
    expect(failed.isBpmLoggedIn()).toBe(false);
  });

  it('logs in through /activiti-app/app/authentication and reads the profile', async () => {
    await api.login('admin', ADMIN_PASSWORD);
    expect(api.isBpmLoggedIn()).toBe(true);
    const profile = await new UserProfileApi(api).getProfile();
    expect(profile).toMatchObject({ id: 1, email: 'admin@example.com', tenantId: 1, tenantName: 'workflow', status: 'active', type: 'enterprise' });
    expect(profile.capabilities).toEqual(expect.arrayContaining(['tenant-admin', 'tenant-mgmt']));
  });

  it('reads the app version', async () => {
    const version = await new AboutApi(api).getAppVersion();
    expect(version).toMatchObject({ majorVersion: '2', type: 'bpmSuite' });
  });

  it('creates, lists, updates and bulk-updates users through AdminUsersApi', async () => {
    const admin = new AdminUsersApi(api);
    const created = await admin.createNewUser({
      email: 'jsapi@example.com',
      firstName: 'Js',
      lastName: 'Client',
      password: 'js-client-password',
      status: 'active',
      type: 'enterprise',
      tenantId: 1,
    });
    expect(created).toMatchObject({ email: 'jsapi@example.com', firstName: 'Js', fullname: 'Js Client', tenantId: 1 });
    const id = created.id as number;

    const list = await admin.getUsers({ filter: 'jsapi', sort: 'emailAsc', start: 0, size: 10 });
    expect(list).toMatchObject({ size: 1, total: 1, start: 0, data: [{ id, email: 'jsapi@example.com' }] });

    await admin.updateUserDetails(id, { firstName: 'Jay', lastName: 'Client', email: 'jsapi@example.com' });
    expect(await admin.getUser(id)).toMatchObject({ id, firstName: 'Jay' });

    await admin.bulkUpdateUsers({ users: [id], status: 'inactive' });
    expect((await admin.getUsers({ filter: 'jsapi', status: 'inactive' })).total).toBe(1);
  });

  it('lists and reads users through UsersApi (the picker)', async () => {
    const users = new UsersApi(api);
    const page = await users.getUsers({ filter: 'admin' });
    expect(page).toMatchObject({ start: 0, total: 1, data: [{ id: 1, email: 'admin@example.com' }] });
    expect(await users.getUser(1)).toMatchObject({ id: 1, email: 'admin@example.com' });
  });

  it('manages groups through AdminGroupsApi and lists them through ActivitiGroupsApi (the picker)', async () => {
    const admin = new AdminGroupsApi(api);
    const member = await new AdminUsersApi(api).createNewUser({
      email: 'grouped@example.com', firstName: 'Grouped', lastName: 'Member', password: 'grouped-member-pw', status: 'active', type: 'enterprise', tenantId: 1,
    });
    const parent = await admin.createNewGroup({ name: 'Js Engineering', type: 1, tenantId: 1 });
    expect(parent).toMatchObject({ name: 'Js Engineering', type: 1, tenantId: 1, status: 'active', parentGroupId: null });
    const child = await admin.createNewGroup({ name: 'Js Backend', type: 1, parentGroupId: parent.id });
    expect(child).toMatchObject({ parentGroupId: parent.id });
    await admin.addGroupMember(parent.id as number, member.id as number);
    expect(await admin.getGroup(parent.id as number)).toMatchObject({ users: [{ id: member.id, email: 'grouped@example.com' }], groups: [{ id: child.id }] });
    expect(await admin.getGroup(parent.id as number, { includeAllUsers: false })).toMatchObject({ users: null, userCount: 1 });
    expect(await admin.getGroupUsers(parent.id as number, { page: 0, pageSize: 10 })).toMatchObject({ total: 1, data: [{ id: member.id }] });
    expect((await admin.getGroups({ functional: true })).data.map((g) => g.name)).toEqual(expect.arrayContaining(['Js Engineering', 'Js Backend']));
    expect(await admin.updateGroup(child.id as number, { name: 'Js Services' })).toMatchObject({ id: child.id, name: 'Js Services' });

    const system = await admin.createNewGroup({ name: 'Js reporters', type: 0, tenantId: 1 });
    expect((await admin.getCapabilities(system.id as number)).data).toContain('access-reports');
    await admin.addGroupCapabilities(system.id as number, { capabilities: ['access-reports'] });
    const capabilities = (await admin.getGroup(system.id as number)).capabilities as Array<{ id: number; name: string }>;
    expect(capabilities.map((c) => c.name)).toEqual(['access-reports']);
    await admin.deleteGroupCapability(system.id as number, capabilities[0]!.id);

    const picker = new ActivitiGroupsApi(api);
    const page = await picker.getGroups({ filter: 'js ' });
    expect(page).toEqual({ size: 2, total: 2, start: 0, data: [{ id: parent.id, name: 'Js Engineering', externalId: null }, { id: child.id, name: 'Js Services', externalId: null }] });
    expect(await picker.getUsersForGroup(parent.id as number)).toMatchObject({ total: 1, data: [{ id: member.id, firstName: 'Grouped', lastName: 'Member', email: 'grouped@example.com' }] });

    await admin.deleteGroupMember(parent.id as number, member.id as number);
    await admin.deleteGroup(child.id as number);
    expect((await picker.getGroups({ filter: 'js ' })).data.map((g) => g.name)).toEqual(['Js Engineering']);
  });

  it('creates, reads, updates and deletes a tenant through AdminTenantsApi', async () => {
    const tenants = new AdminTenantsApi(api);
    const created = await tenants.createTenant({ name: 'Js Tenant', active: true });
    expect(created).toMatchObject({ name: 'Js Tenant', active: true });
    const id = created.id as number;
    expect(await tenants.getTenant(id)).toMatchObject({ id, name: 'Js Tenant' });
    expect(await tenants.update(id, { name: 'Js Tenant 2', active: false })).toMatchObject({ id, name: 'Js Tenant 2', active: false });
    const all = await tenants.getTenants();
    expect(all.data.map((x) => x.id)).toContain(id);
    await tenants.deleteTenant(id);
    const gone: unknown = await tenants.getTenant(id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((gone as { status?: number }).status).toBe(404);
  });

  it('changes the own password through UserProfileApi and signs in with it', async () => {
    const user = new AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await new AdminUsersApi(api).createNewUser({ email: 'pw@example.com', firstName: 'P', lastName: 'W', password: 'first-password', status: 'active', type: 'enterprise', tenantId: 1 });
    await user.login('pw@example.com', 'first-password');
    const profileApi = new UserProfileApi(user);
    const wrong: unknown = await profileApi.changePassword({ oldPassword: 'wrong-password', newPassword: 'third-password' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((wrong as { status?: number }).status).toBe(400);
    await profileApi.changePassword({ oldPassword: 'first-password', newPassword: 'second-password' });
    // The client keeps sending the old Basic credentials, which no longer work.
    const stale: unknown = await profileApi.getProfile().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((stale as { status?: number }).status).toBe(401);
    const again = new AlfrescoApi({ provider: 'BPM', hostBpm: t.baseUrl, contextRootBpm: 'activiti-app', authType: 'BASIC' });
    await again.login('pw@example.com', 'second-password');
    expect((await new UserProfileApi(again).getProfile()).email).toBe('pw@example.com');
  });

  it('logs out', async () => {
    await api.logout();
    expect(api.isBpmLoggedIn()).toBe(false);
  });

  it('OAUTH mode: a bearer token from /oauth/token (password grant) injected with oauth2Auth.setToken', async () => {
    const form = new URLSearchParams({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD, scope: 'read write' });
    const tokenResponse = await fetch(`${t.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: clientBasic(),
      },
      body: form.toString(),
    });
    expect(tokenResponse.status).toBe(200);
    const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
    const oauthApi = new AlfrescoApi({
      provider: 'BPM',
      hostBpm: t.baseUrl,
      contextRootBpm: 'activiti-app',
      authType: 'OAUTH',
      oauth2: { host: `${t.baseUrl}/oauth`, clientId: 'meridian', secret: OAUTH_CLIENT_SECRET, scope: 'read write', implicitFlow: false, redirectUri: '/' },
    });
    oauthApi.oauth2Auth.setToken(token, null);
    const profile = await new UserProfileApi(oauthApi).getProfile();
    expect(profile).toMatchObject({ id: 1, email: 'admin@example.com' });
    expect((await new UsersApi(oauthApi).getUsers({ filter: 'admin' })).total).toBe(1);
  });
  it("OAUTH mode: the client's own login() (password grant at {oauth2.host}/protocol/openid-connect/token) with a public client", async () => {
    // Alfresco's client sends only client_id on its password grant: it needs a public client.
    await t
      .http()
      .post('/api/platform/oauth-clients')
      .set('Authorization', t.adminBasic)
      .send({ name: 'Alfresco JS client', clientId: 'adf-app', redirectUris: [`${t.baseUrl}/`], grants: ['password', 'refresh_token'], confidential: false })
      .expect(201);
    const oauthApi = new AlfrescoApi({
      provider: 'BPM',
      hostBpm: t.baseUrl,
      contextRootBpm: 'activiti-app',
      authType: 'OAUTH',
      oauth2: { host: `${t.baseUrl}/oauth`, clientId: 'adf-app', scope: 'openid', implicitFlow: false, redirectUri: '/', silentLogin: false, refreshTokenTimeout: 3_600_000 },
    });
    const data = (await oauthApi.oauth2Auth.login('admin', ADMIN_PASSWORD)) as { access_token: string; token_type: string };
    expect(data.token_type).toBe('bearer');
    const profile = await new UserProfileApi(oauthApi).getProfile();
    expect(profile).toMatchObject({ id: 1, email: 'admin@example.com' });
    oauthApi.oauth2Auth.invalidateSession();
  });
});
