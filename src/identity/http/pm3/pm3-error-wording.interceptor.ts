import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';

function uid(e: DomainError): string {
  const raw = String(e.details.value ?? '');
  return /^\d+$/.test(raw) ? pm3Id.encode(raw) : raw;
}

type Wording = (e: DomainError, request: Request) => string;

/**
 * The messages ProcessMaker 3 clients see: its field names (`usr_username. Username 'x' already
 * exists`) and 32-character uids instead of the neutral wording of the domain errors.
 */
const WORDING: Record<string, Wording> = {
  'IDENTITY.USER_NOT_FOUND': (e, req) =>
    req.method === 'DELETE' && /\/user\/[^/]+$/.test(req.path) && !/\/role\//.test(req.path)
      ? `The row '${uid(e)}' in table USER doesn't exist!`
      : `The user with usr_uid: ${uid(e)} does not exist.`,
  'IDENTITY.USERNAME_TAKEN': (e) => `usr_username. ${e.message}`,
  'IDENTITY.EMAIL_TAKEN': (e) => `usr_email. ${e.message}`,
  'IDENTITY.ROLE_NOT_FOUND': (e) => `usr_role. ${e.message}`,
  'IDENTITY.REPLACEMENT_NOT_FOUND': (e) => `usr_replaced_by. The user with usr_uid: ${uid(e)} does not exist.`,
  'IDENTITY.REPLACEMENT_IS_SELF': (e) => `usr_replaced_by. ${e.message}`,
  'IDENTITY.WEAK_PASSWORD': (e) => `usr_new_pass. ${e.message}`,
  'IDENTITY.ROLE_ID_NOT_FOUND': (e) => `The role with rol_uid: ${uid(e)} does not exist.`,
  'IDENTITY.ROLE_CODE_TAKEN': (e) => `rol_code. ${e.message}`,
  'IDENTITY.PERMISSION_NOT_FOUND': (e) => `The permission with per_uid: ${uid(e)} does not exist.`,
  'IDENTITY.PERMISSION_ALREADY_ASSIGNED': (e) => `The permission with per_uid: ${uid(e)} is already assigned to the role.`,
  'IDENTITY.PERMISSION_NOT_ASSIGNED': (e) => `The permission with per_uid: ${uid(e)} is not assigned to the role.`,
  'IDENTITY.USER_ALREADY_IN_ROLE': (e) => `The user with usr_uid: ${uid(e)} is already assigned to the role.`,
  'IDENTITY.USER_NOT_IN_ROLE': (e) => `The user with usr_uid: ${uid(e)} is not assigned to the role.`,
};

@Injectable()
export class Pm3ErrorWordingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const wording = error instanceof DomainError ? WORDING[error.code] : undefined;
        if (!wording || !(error instanceof DomainError)) return throwError(() => error);
        return throwError(() => new DomainError(error.kind, error.code, wording(error, request), error.details));
      }),
    );
  }
}
