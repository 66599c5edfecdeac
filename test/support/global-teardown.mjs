export default async function globalTeardown() {
  const server = globalThis.__MERIDIAN_PG__;
  if (server) await server.stop();
}
