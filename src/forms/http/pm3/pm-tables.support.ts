import { type ArgumentsHost, type CallHandler, Catch, type ExecutionContext, Injectable, type NestInterceptor, type PipeTransform } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { DialectExceptionFilter } from '../../../../libs/dialects/dialect-exception.filter.js';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { IdentityApi } from '../../../identity/index.js';

/** `{workspace}` → tenant id; an unknown workspace is ProcessMaker's 400. */
@Injectable()
export class PmTableWorkspacePipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly identity: IdentityApi) {}

  transform(value: string): Promise<string> {
    return this.identity.tenantIdOfWorkspace(value);
  }
}

/** `{pmt_uid}` → table id; malformed is a 400 naming the parameter. */
export class PmTableUidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return pm3Id.decode(value, 'pmt_uid');
  }
}

/** ProcessMaker's wording for a missing table, with the 32-character uid. */
@Injectable()
export class PmTableErrorWordingInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof DomainError && error.code === 'FORMS.DATA_TABLE_NOT_FOUND' && error.details.field === 'pmt_uid') {
          const uid = pm3Id.encode(String(error.details.value));
          return throwError(() => new DomainError(error.kind, error.code, `The PM Table with pmt_uid: '${uid}' does not exist.`, error.details));
        }
        return throwError(() => error);
      }),
    );
  }
}

/**
 * Seed 003: a `fld_size` on a DOUBLE, DATE, TIME, DATETIME, TIMESTAMP or LONGVARCHAR field "will
 * cause a 400 error with no response object": that one failure answers 400 with an empty body;
 * everything else renders as the dialect's filter renders it.
 */
@Catch()
export class PmTableExceptionFilter extends DialectExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof DomainError && exception.code === 'FORMS.DATA_TABLE_SIZE_NOT_ALLOWED') {
      const response = host.switchToHttp().getResponse<Response>();
      if (!response.headersSent) response.status(400).end();
      return;
    }
    super.catch(exception, host);
  }
}
