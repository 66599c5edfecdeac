import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../../domain/principal.js';

export { IS_PUBLIC, Public } from '../../../../libs/platform/http/public.decorator.js';

/** The authenticated caller, as the global guard established it. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
  if (!request.user) throw new Error('CurrentPrincipal used on a public route');
  return request.user;
});
