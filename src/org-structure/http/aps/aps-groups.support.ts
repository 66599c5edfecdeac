import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, type PipeTransform } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2 } from '@nestjs/swagger';
import { catchError, type Observable, throwError } from 'rxjs';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';

export const APS_ENTERPRISE = 'activiti-app/api/enterprise';

/** Every aps group route: HTTP Basic or an OAuth2 bearer token, and the aps 401 body without them. */
export const ApsGroupAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBasicAuth('basic'), ApiOAuth2(['read', 'write'], 'oauth2'), ApiApsErrors(401));

/** A numeric id in the path; malformed is a 400 naming the parameter. */
export class ApsIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    return parseNumericId(value, this.field);
  }
}

/** The use cases name model fields; the aps wire names them as Alfresco does. */
const FIELDS: Record<string, string> = { title: 'name', parentId: 'parentGroupId', kind: 'type' };

/**
 * Renames fields in domain errors to the aps body's names. A parent group that does not exist is
 * bad input in the body (400 naming parentGroupId), not a missing resource at the URL.
 */
@Injectable()
export class ApsGroupErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError)) return throwError(() => error);
        const field = typeof error.details.field === 'string' ? (FIELDS[error.details.field] ?? error.details.field) : undefined;
        const kind = error.code === 'ORG.PARENT_GROUP_NOT_FOUND' ? 'validation' : error.kind;
        if (field === error.details.field && kind === error.kind) return throwError(() => error);
        return throwError(() => new DomainError(kind, error.code, error.message, { ...error.details, field }));
      }),
    );
  }
}
