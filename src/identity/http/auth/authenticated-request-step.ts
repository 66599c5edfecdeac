import type { Request } from 'express';
import type { Principal } from '../../domain/principal.js';

/**
 * What a dialect does to a request once its caller is authenticated, before any interceptor, pipe
 * or handler sees it (Alfresco's impersonation headers replace the principal). Run in order by
 * MeridianAuthGuard; a step that throws answers the request as any error of a guard does.
 */
export interface AuthenticatedRequestStep {
  afterAuthentication(request: Request & { user: Principal }): Promise<void>;
}

/** The steps, in the order they run (provided by IdentityModule). */
export const AUTHENTICATED_REQUEST_STEPS = Symbol('AUTHENTICATED_REQUEST_STEPS');
