import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable, throwError } from 'rxjs';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { DepartmentErrorCode, DepartmentField } from '../../domain/department.errors.js';

/** The ProcessMaker 3 field each rule's input arrives in. */
const PM3_FIELD: Record<DepartmentField, string> = {
  departmentId: 'dep_uid',
  parentId: 'dep_parent',
  managerId: 'dep_manager',
  userId: 'usr_uid',
  title: 'dep_title',
};

function field(e: DomainError): string {
  return PM3_FIELD[e.details.field as DepartmentField] ?? String(e.details.field ?? '');
}

function uid(e: DomainError): string {
  const raw = String(e.details.value ?? '');
  return /^\d+$/.test(raw) ? pm3Id.encode(raw) : raw;
}

/** The messages of seed 003 (`The department with dep_parent: '<uid>' does not exist.`), with 32-character uids. */
const WORDING: Partial<Record<DepartmentErrorCode, (e: DomainError) => string>> = {
  'ORG.DEPARTMENT_NOT_FOUND': (e) => `The department with ${field(e)}: '${uid(e)}' does not exist.`,
  'ORG.USER_NOT_FOUND': (e) => `The user with ${field(e)}: '${uid(e)}' does not exist.`,
  'ORG.DEPARTMENT_TITLE_TAKEN': (e) => `The department with dep_title: '${String(e.details.value)}' already exists.`,
  'ORG.DEPARTMENT_PARENT_CYCLE': (e) => `The department with dep_parent: '${uid(e)}' is the department itself or one of its sub-departments.`,
  'ORG.MANAGER_IN_OTHER_DEPARTMENT': (e) =>
    `The user with ${field(e)}: '${uid(e)}' is a member of another department; a user belongs to one department only.`,
  'ORG.USER_NOT_IN_DEPARTMENT': (e) => `The user with usr_uid: '${uid(e)}' is not assigned to the department.`,
};

@Injectable()
export class DepartmentErrorWordingInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const wording = error instanceof DomainError ? WORDING[error.code as DepartmentErrorCode] : undefined;
        if (!wording || !(error instanceof DomainError)) return throwError(() => error);
        return throwError(() => new DomainError(error.kind, error.code, wording(error), error.details));
      }),
    );
  }
}
