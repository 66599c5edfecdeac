import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ResolveImpersonation } from '../../application/impersonation/resolve-impersonation.query.js';
import type { Principal } from '../../domain/principal.js';
import type { AuthenticatedRequestStep } from '../auth/authenticated-request-step.js';

export type ImpersonatedRequest = Request & { user?: Principal; impersonator?: Principal };

function header(request: Request, name: string): string | undefined {
  const raw = request.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Alfresco impersonation headers `activiti-user` and `activiti-user-value-type`, on /activiti-app/
 * only. The authentication guard runs this right after it has authenticated the caller: the
 * request's principal is replaced by the impersonated user's and the administrator is kept as
 * `impersonator`. Public routes (no principal) never get here.
 *
 * (It was a global interceptor; a global interceptor puts every request of every dialect through
 * Nest's rxjs interceptor chain, which cost ≈ 4% of the server's CPU on the engine bench.)
 */
@Injectable()
export class ApsImpersonation implements AuthenticatedRequestStep {
  constructor(private readonly resolve: ResolveImpersonation) {}

  async afterAuthentication(request: ImpersonatedRequest & { user: Principal }): Promise<void> {
    if (!request.path.startsWith('/activiti-app/')) return;
    const value = header(request, 'activiti-user');
    const valueType = header(request, 'activiti-user-value-type');
    if (value === undefined && valueType === undefined) return;
    const impersonated = await this.resolve.execute({ actor: request.user, value, valueType });
    request.impersonator = request.user;
    request.user = impersonated;
  }
}
