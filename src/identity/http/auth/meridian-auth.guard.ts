import { type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import passport from 'passport';
import type { Request, Response } from 'express';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { Principal } from '../../domain/principal.js';
import { AUTH_STRATEGIES } from './auth-strategies.js';
import { AUTHENTICATED_REQUEST_STEPS, type AuthenticatedRequestStep } from './authenticated-request-step.js';
import { IS_PUBLIC } from './auth.decorators.js';

/**
 * The global guard: every route needs an authenticated caller unless it is marked @Public().
 * The scheme of the Authorization header picks the passport strategy, so a bad Bearer token is
 * never retried as Basic. A missing or unknown scheme is 401; permissions are checked in use cases (403).
 * Once the caller is known, the AUTHENTICATED_REQUEST_STEPS run (Alfresco impersonation).
 */
@Injectable()
export class MeridianAuthGuard {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_STRATEGIES) private readonly strategies: readonly string[],
    @Inject(AUTHENTICATED_REQUEST_STEPS) private readonly steps: readonly AuthenticatedRequestStep[],
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers.authorization ?? '';
    const scheme = header.split(' ')[0]?.toLowerCase() ?? '';
    const strategy = this.strategies.find((s) => s === scheme);
    if (!strategy) {
      throw new UnauthorizedException(header === '' ? 'Authentication required' : `Unsupported authorization scheme`);
    }
    const user = await new Promise<Principal>((resolve, reject) => {
      passport.authenticate(strategy, { session: false }, (err: unknown, user: Principal | false) => {
        if (err) return reject(err instanceof DomainError ? err : err instanceof Error ? err : new Error(String(err)));
        if (!user) return reject(new UnauthorizedException('Invalid credentials'));
        resolve(user);
      })(request, response, (e: unknown) => reject(e));
    });
    request.user = user;
    for (const step of this.steps) await step.afterAuthentication(request as Request & { user: Principal });
    return true;
  }
}
