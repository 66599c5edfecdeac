import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ResolveImpersonation } from '../../application/impersonation/resolve-impersonation.query.js';
import type { Principal } from '../../domain/principal.js';

export type ImpersonatedRequest = Request & { user?: Principal; impersonator?: Principal };

function header(request: Request, name: string): string | undefined {
  const raw = request.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Alfresco impersonation headers `activiti-user` and `activiti-user-value-type`, on /activiti-app/
 * only. Interceptors run after the global authentication guard, so the caller is known here; the
 * request's principal is replaced by the impersonated user's and the administrator is kept as
 * `impersonator`. Public routes (no principal) ignore the headers.
 */
@Injectable()
export class ApsImpersonationInterceptor implements NestInterceptor {
  constructor(private readonly resolve: ResolveImpersonation) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<ImpersonatedRequest>();
    if (!request.path.startsWith('/activiti-app/') || !request.user) return next.handle();
    const value = header(request, 'activiti-user');
    const valueType = header(request, 'activiti-user-value-type');
    if (value === undefined && valueType === undefined) return next.handle();
    const impersonated = await this.resolve.execute({ actor: request.user, value, valueType });
    request.impersonator = request.user;
    request.user = impersonated;
    return next.handle();
  }
}
