import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../kernel/domain-error.js';
import { dialectOf } from './dialect.js';
import { type Failure, render } from './error-body.js';
import { RequestValidationError } from './request-validation.error.js';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
}

function isBodyParserError(e: unknown): e is BodyParserError & Error {
  return e instanceof Error && typeof (e as BodyParserError).type === 'string' && typeof (e as BodyParserError).status === 'number';
}

/** Turns any error into the error shape of the dialect that the request spoke. A 500 logs its stack. */
function toFailure(raw: unknown, requestId: string | undefined): Failure {
  // NestJS wraps body-parser errors in an HttpException; the original says what went wrong.
  const exception = raw instanceof HttpException && isBodyParserError(raw.cause) ? raw.cause : raw;
  if (exception instanceof RequestValidationError) {
    return { kind: 'validation', code: 'Validation', message: exception.message, problems: exception.problems, field: exception.details.field, value: exception.details.value };
  }
  if (exception instanceof DomainError) {
    return { kind: exception.kind, code: exception.code, message: exception.message, field: exception.details.field, value: exception.details.value };
  }
  if (isBodyParserError(exception)) {
    if (exception.type === 'entity.too.large') return { kind: 'payload_too_large', code: 'PayloadTooLarge', message: 'Request body is too large' };
    if (exception.type === 'entity.parse.failed') return { kind: 'validation', code: 'Validation', message: 'Malformed JSON in the request body', field: 'body' };
    return { kind: 'validation', code: 'Validation', message: exception.message };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
    if (status === 401) return { kind: 'unauthenticated', code: 'Unauthorized', message: message === 'Unauthorized' ? 'Authentication required' : message };
    if (status === 403) return { kind: 'forbidden', code: 'Forbidden', message };
    if (status === 404) return { kind: 'not_found_route', code: 'NotFound', message };
    if (status === 405) return { kind: 'method_not_allowed', code: 'MethodNotAllowed', message };
    if (status === 413) return { kind: 'payload_too_large', code: 'PayloadTooLarge', message };
    if (status === 429) return { kind: 'too_many_requests', code: 'TooManyRequests', message };
    if (status === 409) return { kind: 'conflict', code: 'Conflict', message };
    if (status >= 400 && status < 500) return { kind: 'validation', code: 'Validation', message };
  }
  return { kind: 'internal', code: 'InternalError', message: 'Internal server error', requestId };
}

/** The RFC 6749/7009/7662 endpoints answer errors the endpoint itself did not handle (malformed bodies) in RFC shape. */
const OAUTH_ENDPOINT = /^\/(?:[^/]+\/)?oauth2?\/(?:token|introspect|revoke|protocol\/openid-connect\/token)$/;

function renderOAuthError(failure: Failure): { status: number; body: { error: string; error_description: string } } {
  if (failure.kind === 'payload_too_large') return { status: 413, body: { error: 'invalid_request', error_description: failure.message } };
  if (failure.kind === 'too_many_requests') return { status: 429, body: { error: 'invalid_request', error_description: failure.message } };
  if (failure.kind === 'internal') return { status: 500, body: { error: 'server_error', error_description: `Internal server error (request id ${failure.requestId ?? 'unknown'})` } };
  if (failure.kind === 'not_found_route' || failure.kind === 'method_not_allowed') {
    return { status: 405, body: { error: 'invalid_request', error_description: failure.message } };
  }
  return { status: 400, body: { error: 'invalid_request', error_description: failure.message } };
}

@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const requestId = request.id !== undefined ? String(request.id) : undefined;
    const failure = toFailure(exception, requestId);
    if (failure.kind === 'internal') {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error({ requestId, err: stack }, `Unhandled error on ${request.method} ${request.path}`);
    }
    if (response.headersSent) return;
    const rendered = OAUTH_ENDPOINT.test(request.path) ? renderOAuthError(failure) : render(dialectOf(request.path), failure);
    if (exception instanceof DomainError && exception.details.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(exception.details.retryAfterSeconds));
    }
    if (rendered.status === 401 && !response.getHeader('WWW-Authenticate')) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="meridian", Basic realm="meridian"');
    }
    response.status(rendered.status).json(rendered.body);
  }
}
