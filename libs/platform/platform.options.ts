/**
 * Tuning of the platform pieces, passed in by the application (libs cannot read src/config).
 * Only `outboxPollMs` is required; the rest have production defaults below.
 */
export interface PlatformOptions {
  /** How often the outbox dispatcher looks for due rows when no commit woke it. */
  readonly outboxPollMs: number;
  /** false: this node writes outbox rows but never dispatches them (tests of crash recovery, HTTP-only nodes). */
  readonly dispatchOutbox?: boolean;
  /** Rows claimed per round trip; small, so that a stopping node finishes its batch quickly. */
  readonly outboxBatchSize?: number;
  /** Attempts (the first included) before a row is left as `dead`. */
  readonly outboxMaxAttempts?: number;
  /** First retry delay; each further failure doubles it, up to `outboxRetryMaxMs`. */
  readonly outboxRetryBaseMs?: number;
  readonly outboxRetryMaxMs?: number;
  /** How long a claim lasts: a row claimed by a node that died is claimable again after this. */
  readonly outboxLeaseMs?: number;
  /** In-transaction cascades (a handler publishing an event whose handler publishes …) deeper than this fail. */
  readonly maxEventCascadeDepth?: number;
}

export type ResolvedPlatformOptions = Required<PlatformOptions>;

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export function resolvePlatformOptions(options: PlatformOptions): ResolvedPlatformOptions {
  return {
    dispatchOutbox: true,
    outboxBatchSize: 20,
    outboxMaxAttempts: 10,
    outboxRetryBaseMs: 1000,
    // 10 attempts with a 1 s base and a 5 min cap span about 19 minutes before a row is dead.
    outboxRetryMaxMs: 5 * 60_000,
    // Longer than any sane after-commit handler (webhook timeouts are seconds), short enough that a
    // crashed node's rows move on within a minute.
    outboxLeaseMs: 60_000,
    maxEventCascadeDepth: 16,
    ...options,
  };
}
