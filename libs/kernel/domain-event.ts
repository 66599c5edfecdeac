/**
 * A fact that happened inside a context. `type` follows `<context>.<aggregate>.<past-tense>`;
 * the payload types live in libs/contracts (the published language). The id makes after-commit
 * delivery idempotent: handlers remember which ids they processed.
 */
export interface DomainEvent<TType extends string = string, TPayload = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly occurredAt: string;
  readonly tenantId: string;
  readonly payload: TPayload;
}
