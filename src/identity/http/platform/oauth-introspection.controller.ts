import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../../libs/platform/http/public.decorator.js';
import { IntrospectToken } from '../../application/oauth/introspect-token.use-case.js';
import { stringParams } from '../../application/oauth/oauth-result.js';
import { RevokeToken } from '../../application/oauth/revoke-token.use-case.js';
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
  @ApiOperation({ summary: 'Token introspection (RFC 7662) for confidential clients: {active:false} for unknown, expired or revoked tokens' })
  async introspect(@Headers('authorization') authorization: string | undefined, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    sendOAuthResult(res, await this.introspectToken.execute({ authorization, params: stringParams(body) }));
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'Token revocation (RFC 7009): a refresh token revokes its rotation family, an access token is denied until it expires' })
  async revoke(@Headers('authorization') authorization: string | undefined, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    sendOAuthResult(res, await this.revokeToken.execute({ authorization, params: stringParams(body) }));
  }
}
