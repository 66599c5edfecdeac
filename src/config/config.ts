import { resolve } from 'node:path';

/**
 * The one typed configuration object, built and validated once at boot. This is the only place
 * that reads `process.env`; a bad value stops the start with a message naming the variable.
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** External PostgreSQL; undefined = embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly adminPassword: string | undefined;
  readonly oauthClientId: string;
  readonly oauthClientSecret: string | undefined;
  readonly oauthRedirectUris: readonly string[];
  readonly authBasic: boolean;
  /** Base URL used as the OAuth2 issuer and in discovery documents; defaults to http://localhost:PORT. */
  readonly publicUrl: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** Age after which the OAuth2 signing key is replaced by a new one (retired keys stay in the JWKS). */
  readonly signingKeyMaxAgeSeconds: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly maxJsonBytes: number;
  readonly maxUploadBytes: number;
  readonly outboxPollMs: number;
  /** Where content bytes live: `local` (under `dataDir`/content) or `s3`. */
  readonly contentStore: ContentStoreConfig;
}

/** The S3-compatible object store (AWS S3, MinIO…): `secretAccessKey` is never logged. */
export interface S3Config {
  readonly endpoint: string | undefined;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly forcePathStyle: boolean;
}

export type ContentStoreConfig = { readonly kind: 'local' } | ({ readonly kind: 's3' } & S3Config);

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use one of ${protocols.join(', ')}`);
  }
  return raw;
}

function contentStore(env: Env): ContentStoreConfig {
  const kind = env.CONTENT_STORE && env.CONTENT_STORE !== '' ? env.CONTENT_STORE : 'local';
  if (kind === 'local') return { kind };
  if (kind !== 's3') throw new ConfigError('CONTENT_STORE', `must be local or s3, got "${kind}"`);
  const bucket = env.S3_BUCKET ?? '';
  // S3 bucket naming rules (3 to 63 lowercase letters, digits, dots and hyphens).
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError('S3_BUCKET', 'must name a bucket (3 to 63 lowercase letters, digits, dots and hyphens) when CONTENT_STORE=s3');
  }
  const region = env.S3_REGION && env.S3_REGION !== '' ? env.S3_REGION : 'us-east-1';
  if (!/^[a-z0-9-]{1,64}$/.test(region)) throw new ConfigError('S3_REGION', 'must be a region name such as eu-west-1');
  const accessKeyId = env.S3_ACCESS_KEY_ID === '' ? undefined : env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY === '' ? undefined : env.S3_SECRET_ACCESS_KEY;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY', 'must be set together with its pair (or both left unset for the default AWS credential chain)');
  }
  return {
    kind,
    endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', false),
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): AppConfig {
  const port = int(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST && env.HOST !== '' ? env.HOST : '0.0.0.0';
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data');

  const adminPassword = env.ADMIN_PASSWORD === '' ? undefined : env.ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters long');
  }
  const oauthClientId = env.OAUTH_CLIENT_ID && env.OAUTH_CLIENT_ID !== '' ? env.OAUTH_CLIENT_ID : 'meridian';
  if (!/^[A-Za-z0-9._~-]{1,100}$/.test(oauthClientId)) {
    throw new ConfigError('OAUTH_CLIENT_ID', 'may contain only letters, digits and . _ ~ - (at most 100)');
  }
  const oauthClientSecret = env.OAUTH_CLIENT_SECRET === '' ? undefined : env.OAUTH_CLIENT_SECRET;
  if (oauthClientSecret !== undefined && oauthClientSecret.length < 16) {
    throw new ConfigError('OAUTH_CLIENT_SECRET', 'must be at least 16 characters long');
  }
  const oauthRedirectUris = (env.OAUTH_REDIRECT_URIS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const uri of oauthRedirectUris) {
    try {
      new URL(uri);
    } catch {
      throw new ConfigError('OAUTH_REDIRECT_URIS', `contains "${uri}", which is not an absolute URL`);
    }
  }
  const logLevel = (env.LOG_LEVEL && env.LOG_LEVEL !== '' ? env.LOG_LEVEL : 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');

  return {
    port,
    host,
    databaseUrl,
    dataDir,
    adminPassword,
    oauthClientId,
    oauthClientSecret,
    oauthRedirectUris,
    authBasic: bool(env, 'AUTH_BASIC', true),
    publicUrl,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL', 3600, 60, 86400),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL', 30 * 86400, 300, 365 * 86400),
    signingKeyMaxAgeSeconds: int(env, 'SIGNING_KEY_MAX_AGE', 90 * 86400, 3600, 5 * 365 * 86400),
    logLevel,
    maxJsonBytes: int(env, 'MAX_JSON_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    maxUploadBytes: int(env, 'MAX_UPLOAD_BYTES', 200 * 1024 * 1024, 1024, 10 * 1024 * 1024 * 1024),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 500, 10, 60000),
    contentStore: contentStore(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
