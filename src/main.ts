import { loadConfig, ConfigError } from './config/config.js';
import { resolveDatabase } from './database.js';
import { createApp } from './create-app.js';

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
      await app.close();
    } catch (e) {
      // The embedded PostgreSQL must stop even so: it would otherwise outlive the process.
      process.stderr.write(`Meridian failed to shut down cleanly: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      exitCode = 1;
    }
    await database.stop();
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen(config.port, config.host);
  process.stdout.write(
    JSON.stringify({ level: 30, msg: `Meridian listening on ${config.publicUrl} (ready in ${Date.now() - started} ms)` }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`Meridian failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
