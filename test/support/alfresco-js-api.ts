import * as untyped from '@alfresco/js-api';

/*
 * @alfresco/js-api 10 ships its .d.ts files under typings/ next to a package.json saying
 * "type": "module", while they re-export with extensionless paths ('./src/api/...'): under
 * `moduleResolution: nodenext` TypeScript therefore sees no exports at all. The JavaScript (CJS)
 * loads fine, so the client is used unchanged and only typed here, as far as the tests use it.
 */

export interface ApsClientError {
  readonly status?: number;
  readonly message?: string;
}

export interface EmittingPromise<T> extends Promise<T> {
  on(event: string, fn: () => void): EmittingPromise<T>;
}

export interface AlfrescoApiConfig {
  provider: 'BPM';
  hostBpm: string;
  contextRootBpm: string;
  authType: 'BASIC' | 'OAUTH';
  oauth2?: Record<string, unknown>;
}

export interface AlfrescoApiInstance {
  login(username: string, password: string): EmittingPromise<string>;
  logout(): Promise<void>;
  isBpmLoggedIn(): boolean;
  readonly processAuth: { login(username: string, password: string): EmittingPromise<string> };
  readonly oauth2Auth: {
    setToken(token: string, refreshToken?: string | null): void;
    login(username: string, password: string): Promise<unknown>;
    invalidateSession(): void;
  };
}

export type ApsRecord = Record<string, unknown> & { id?: number };
export interface ApsList<T = ApsRecord> {
  size: number;
  total: number;
  start: number;
  data: T[];
}

interface ApiClass<T> {
  new (api: AlfrescoApiInstance): T;
}

export interface JsApiModule {
  AlfrescoApi: new (config: AlfrescoApiConfig) => AlfrescoApiInstance;
  AboutApi: ApiClass<{ getAppVersion(): Promise<Record<string, string>> }>;
  UserProfileApi: ApiClass<{
    getProfile(): Promise<ApsRecord & { capabilities?: string[]; email?: string }>;
    updateProfile(user: ApsRecord): Promise<ApsRecord>;
    changePassword(body: { oldPassword: string; newPassword: string }): Promise<unknown>;
  }>;
  UsersApi: ApiClass<{
    getUsers(opts?: Record<string, string | number>): Promise<ApsList>;
    getUser(userId: number): Promise<ApsRecord>;
  }>;
  AdminUsersApi: ApiClass<{
    createNewUser(user: ApsRecord): Promise<ApsRecord>;
    getUsers(opts?: Record<string, string | number>): Promise<ApsList>;
    getUser(userId: number): Promise<ApsRecord>;
    updateUserDetails(userId: number, user: ApsRecord): Promise<unknown>;
    bulkUpdateUsers(update: ApsRecord): Promise<unknown>;
  }>;
  /** Enterprise groups: the picker (`api/enterprise/groups`). */
  ActivitiGroupsApi: ApiClass<{
    getGroups(opts?: Record<string, string | number>): Promise<ApsList>;
    getUsersForGroup(groupId: number): Promise<ApsList>;
  }>;
  AdminGroupsApi: ApiClass<{
    createNewGroup(group: ApsRecord): Promise<ApsRecord>;
    getGroups(opts?: Record<string, string | number | boolean>): Promise<ApsList>;
    getGroup(groupId: number, opts?: { includeAllUsers?: boolean; summary?: boolean }): Promise<ApsRecord>;
    updateGroup(groupId: number, group: ApsRecord): Promise<ApsRecord>;
    deleteGroup(groupId: number): Promise<void>;
    addGroupMember(groupId: number, userId: number): Promise<unknown>;
    deleteGroupMember(groupId: number, userId: number): Promise<void>;
    getGroupUsers(groupId: number, opts?: { filter?: string; page?: number; pageSize?: number }): Promise<ApsList>;
    getCapabilities(groupId: number): Promise<ApsList<string>>;
    addGroupCapabilities(groupId: number, body: { capabilities: string[] }): Promise<unknown>;
    deleteGroupCapability(groupId: number, groupCapabilityId: number): Promise<void>;
  }>;
  AdminTenantsApi: ApiClass<{
    createTenant(tenant: ApsRecord): Promise<ApsRecord>;
    getTenant(tenantId: number): Promise<ApsRecord>;
    getTenants(): Promise<ApsList>;
    update(tenantId: number, tenant: ApsRecord): Promise<ApsRecord>;
    deleteTenant(tenantId: number): Promise<void>;
  }>;
}

export const jsApi = untyped as unknown as JsApiModule;
