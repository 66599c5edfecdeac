import { ApiExtension } from '@nestjs/swagger';

/**
 * OpenAPI can say "this POST takes no body" only by leaving `requestBody` out, which reads the same
 * as "forgot to document it". `x-no-request-body` says it on purpose; the OpenAPI test accepts a
 * POST or PUT without a request body only when it carries this mark.
 */
export const ApiNoRequestBody = (): MethodDecorator => ApiExtension('x-no-request-body', true);
