import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, type PipeTransform } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { IdentityApi } from '../../../identity/index.js';

/** `{workspace}` → tenant id; an unknown workspace is ProcessMaker's 400. */
@Injectable()
export class Pm3GroupWorkspacePipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly identity: IdentityApi) {}

  transform(value: string): Promise<string> {
    return this.identity.tenantIdOfWorkspace(value);
  }
}

/** A 32-character uid in the path → internal id; malformed is a 400 naming the parameter. */
export class Pm3GroupIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    return pm3Id.decode(value, this.field);
  }
}

const uid = (e: DomainError): string => {
  const raw = String(e.details.value ?? '');
  return /^\d+$/.test(raw) ? pm3Id.encode(raw) : raw;
};

/** The messages of ProcessMaker 3's group endpoints (seed 003), with its field names and uids. */
const WORDING: Record<string, (e: DomainError) => string> = {
  'ORG.GROUP_NOT_FOUND': (e) => `The group with grp_uid: ${uid(e)} does not exist.`,
  'ORG.GROUP_TITLE_TAKEN': (e) => `The group title with grp_title: "${String(e.details.value)}" already exists.`,
  'ORG.GROUP_TITLE_INVALID': (e) => `grp_title. ${e.message}`,
  'ORG.USER_NOT_FOUND': (e) => `The user with usr_uid: ${uid(e)} does not exist.`,
  'ORG.MEMBER_ALREADY_IN_GROUP': (e) => `The user with usr_uid: ${uid(e)} is already assigned to the group.`,
  'ORG.MEMBER_NOT_IN_GROUP': (e) => `The user with usr_uid: ${uid(e)} is not assigned to the group.`,
};

@Injectable()
export class Pm3GroupErrorWordingInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const wording = error instanceof DomainError ? WORDING[error.code] : undefined;
        if (!wording || !(error instanceof DomainError)) return throwError(() => error);
        return throwError(() => new DomainError(error.kind, error.code, wording(error), error.details));
      }),
    );
  }
}
