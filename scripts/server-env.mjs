// How the server process is started: one place for `npm start`, `npm run start:dist` and the benches.

/**
 * V8's young generation for the server: semi-spaces of 64 MB instead of V8's 16 MB. The server
 * allocates ≈ 0.5 MB per process lifecycle over HTTP (requests, rows, JSON) — mostly garbage
 * within the request — and with the small default many short-lived objects of the requests in
 * flight were still alive at each scavenge and promoted, to be collected again by full GCs: on
 * the engine bench GC took ≈ 10% of the server's CPU, ≈ 6.5% with 64 MB. It costs memory: up to
 * ≈ 100 MB more resident under load.
 */
export const SEMI_SPACE_FLAG = '--max-semi-space-size=64';

/**
 * The environment of the server process: NODE_OPTIONS gains SEMI_SPACE_FLAG unless the operator
 * already chose a young-generation size there (NODE_OPTIONS="--max-semi-space-size=16" restores
 * V8's default).
 */
export function serverEnv(env = process.env) {
  const options = env.NODE_OPTIONS ?? '';
  if (/--max-semi-space-size\b/.test(options)) return env;
  return { ...env, NODE_OPTIONS: `${options} ${SEMI_SPACE_FLAG}`.trim() };
}
