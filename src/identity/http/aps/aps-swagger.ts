import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2 } from '@nestjs/swagger';

/** Every authenticated aps route: HTTP Basic or an OAuth2 bearer token. */
export const ApsAuth = (): MethodDecorator & ClassDecorator => applyDecorators(ApiBasicAuth('basic'), ApiOAuth2(['read', 'write'], 'oauth2'));

export const APS_ENTERPRISE = 'activiti-app/api/enterprise';
