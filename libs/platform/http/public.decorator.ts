import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'meridian:public';

/**
 * Marks the operation in the OpenAPI document; src/swagger.ts turns the mark into `security: []`
 * (the document requires Basic or OAuth2 everywhere else). @nestjs/swagger drops an empty
 * @ApiSecurity list, so the override cannot be written as a decorator.
 */
export const PUBLIC_OPERATION_EXTENSION = 'x-meridian-public';

/** The route answers without authentication (health, discovery, token endpoint, login form). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
