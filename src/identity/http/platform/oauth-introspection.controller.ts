import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOAuthErrors } from '../../../../libs/dialects/openapi-errors.js';
import type { Response } from 'express';
import { Public } from '../../../../libs/platform/http/public.decorator.js';
import { IntrospectToken } from '../../application/oauth/introspect-token.use-case.js';
import { stringParams } from '../../application/oauth/oauth-result.js';
import { RevokeToken } from '../../application/oauth/revoke-token.use-case.js';
import { INTROSPECTION_REQUEST_SCHEMA, OAuthIntrospectionResponse, REVOCATION_REQUEST_SCHEMA, REVOCATION_RESPONSE_SCHEMA } from './oauth-protocol.dto.js';
import { sendOAuthResult } from './oauth-token.controller.js';

/** RFC 7662 introspection and RFC 7009 revocation; the client authenticates itself, not a user. */
@ApiTags('oauth2')
@Public()
@Controller('oauth')
export class OAuthIntrospectionController {
  constructor(
    private readonly introspectToken: IntrospectToken,
    private readonly revokeToken: RevokeToken,
  ) {}

  @Post('introspect')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: 'Token introspection (RFC 7662) for confidential clients: {active:false} for unknown, expired or revoked tokens',
    description: 'The client authenticates with HTTP Basic (client_id:client_secret) or client_id and client_secret in the body.',
  })
  @ApiBody({ schema: INTROSPECTION_REQUEST_SCHEMA })
  @ApiOkResponse({ type: OAuthIntrospectionResponse })
  @ApiOAuthErrors({ 400: 'invalid_request: no token', 401: 'invalid_client: unknown or public client, or a wrong secret' })
  async introspect(@Headers('authorization') authorization: string | undefined, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    sendOAuthResult(res, await this.introspectToken.execute({ authorization, params: stringParams(body) }));
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: 'Token revocation (RFC 7009): a refresh token revokes its rotation family, an access token is denied until it expires',
    description:
      'The client authenticates with HTTP Basic or client_id (and client_secret) in the body. Unknown tokens and tokens of other clients ' +
      'answer 200 {} without effect.',
  })
  @ApiBody({ schema: REVOCATION_REQUEST_SCHEMA })
  @ApiOkResponse({ description: 'Always {}', schema: REVOCATION_RESPONSE_SCHEMA })
  @ApiOAuthErrors({ 400: 'invalid_request: no token', 401: 'invalid_client: client authentication failed' })
  async revoke(@Headers('authorization') authorization: string | undefined, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    sendOAuthResult(res, await this.revokeToken.execute({ authorization, params: stringParams(body) }));
  }
}
