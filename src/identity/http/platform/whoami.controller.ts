import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { apsDate } from '../../../../libs/dialects/dates.js';
import { RotateSigningKey } from '../../application/oauth/rotate-signing-key.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { SigningKeyResponse, WhoAmIResponse } from './oauth-client.dto.js';

/** Small platform endpoints: who the caller is, and rotating the OAuth2 signing key. */
@ApiTags('platform')
@ApiApsErrors(401)
@Controller('api/platform')
export class WhoAmIController {
  constructor(private readonly rotateSigningKey: RotateSigningKey) {}

  @Get('whoami')
  @ApiOperation({ summary: 'The authenticated caller: user, tenant, permissions and (for bearer tokens) client and scope' })
  @ApiOkResponse({ type: WhoAmIResponse })
  whoami(@CurrentPrincipal() principal: Principal): WhoAmIResponse {
    return {
      id: Number(principal.userId),
      username: principal.username,
      tenantId: Number(principal.tenantId),
      permissions: [...principal.permissions].sort(),
      via: principal.via,
      ...(principal.clientId !== undefined ? { clientId: principal.clientId } : {}),
      ...(principal.scope !== undefined ? { scope: principal.scope } : {}),
    };
  }

  @Post('oauth-signing-keys/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the JWT signing key now (system-admin); tokens signed with the old key stay valid until they expire',
    description: 'Takes no request body.',
  })
  @ApiNoRequestBody()
  @ApiApsErrors(403)
  @ApiOkResponse({ type: SigningKeyResponse })
  async rotate(@CurrentPrincipal() principal: Principal): Promise<SigningKeyResponse> {
    const key = await this.rotateSigningKey.execute({ principal });
    return { kid: key.kid, created: apsDate(new Date(key.createdAt))! };
  }
}
