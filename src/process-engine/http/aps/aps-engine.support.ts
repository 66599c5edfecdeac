import { applyDecorators, type PipeTransform } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2 } from '@nestjs/swagger';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';

/** Base path of the aps enterprise API and of the Activiti engine subset (seed 004). */
export const APS_ENTERPRISE = 'activiti-app/api/enterprise';
export const APS_ENGINE_API = 'activiti-app/api';

/** Every engine route: HTTP Basic or an OAuth2 bearer token, and the aps 401 body without them. */
export const ApsEngineAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBasicAuth('basic'), ApiOAuth2(['read', 'write'], 'oauth2'), ApiApsErrors(401));

/** A numeric id in the path (tasks, instances, models, filters…); malformed is a 400 naming the parameter. */
export class ApsIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    return parseNumericId(value, this.field);
  }
}
