import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as Pino } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.client_secret',
  '*.access_token',
  '*.refresh_token',
];

/**
 * Secrets that may travel in query strings are cut from logged URLs: any parameter named like a
 * token, password or secret (`refresh_token`, `usr_new_pass`, `client_secret`, …), a key or a code.
 */
const SECRET_QUERY_PARAM = /([?&](?:[^=&]*_)?(?:token|password|pass|secret|key|apikey|code|code_verifier)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAM, '$1[redacted]');
}

export function createRootLogger(level: string): Pino {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}

/** The caller's `X-Request-Id` when it is a sane one, else a new one; echoed on the response. */
function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON request logs with a request id. Credentials never reach the log: authorization
 * headers, cookies, every field that looks like a password, secret or token, and such query
 * parameters are redacted. Requests are logged when the level logs them (info and below); above
 * it, only the request id is set, so that a quiet server does not build records it throws away.
 */
export function httpLogger(logger: Pino): HttpLogger | ((req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void) => void) {
  if (!logger.isLevelEnabled('info')) {
    return (req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void) => {
      req.id = requestIdOf(req, res);
      next();
    };
  }
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
  });
}

/** Nest's own log lines (startup, errors from filters) go through the same pino instance. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Pino) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (typeof message === 'object' && message !== null) {
      const extra = rest.find((r) => typeof r === 'string' && r !== context);
      this.logger[level]({ context, ...(message as object) }, typeof extra === 'string' ? extra : undefined);
    } else {
      this.logger[level]({ context }, String(message));
    }
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
}
