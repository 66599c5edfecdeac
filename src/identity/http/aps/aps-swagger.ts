import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2 } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';

/** Every authenticated aps route: HTTP Basic or an OAuth2 bearer token, and the aps 401 body without them. */
export const ApsAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBasicAuth('basic'), ApiOAuth2(['read', 'write'], 'oauth2'), ApiApsErrors(401));

export const APS_ENTERPRISE = 'activiti-app/api/enterprise';
