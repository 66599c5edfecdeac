/** An RFC-shaped answer of the OAuth2 endpoints (they do not use the dialect error bodies). */
export interface OAuthResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export const NO_STORE: Readonly<Record<string, string>> = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** RFC 6749 §5.2 error body; invalid_client is always 401 with a Basic challenge. */
export function oauthError(error: string, description: string, status = 400, retryAfterSeconds?: number): OAuthResult {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error === 'invalid_client') {
    status = 401;
    headers['WWW-Authenticate'] = 'Basic realm="meridian"';
  }
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return { status, headers, body: { error, error_description: description } };
}

/** Request parameters as strings: form bodies already are; JSON bodies (ProcessMaker 3 clients) may carry numbers. */
export function stringParams(source: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return out;
  for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}
