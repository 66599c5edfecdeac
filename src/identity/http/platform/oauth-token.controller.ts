import { Body, Controller, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOAuthErrors } from '../../../../libs/dialects/openapi-errors.js';
import type { Request, Response } from 'express';
import { Public } from '../../../../libs/platform/http/public.decorator.js';
import { IssueToken } from '../../application/oauth/issue-token.use-case.js';
import type { OAuthResult } from '../../application/oauth/oauth-result.js';
import { OAuthTokenResponse, TOKEN_REQUEST_SCHEMA } from './oauth-protocol.dto.js';

export function sendOAuthResult(res: Response, result: OAuthResult): void {
  res.status(result.status).set(result.headers).json(result.body);
}

/** RFC 6749 token endpoint, with the aliases ProcessMaker clients use. */
@ApiTags('oauth2')
@Public()
@Controller()
export class OAuthTokenController {
  constructor(private readonly issueToken: IssueToken) {}

  @Post(['oauth/token', 'oauth2/token', 'oauth/protocol/openid-connect/token'])
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: 'Token endpoint (RFC 6749): authorization_code with PKCE, password, client_credentials, refresh_token',
    description:
      'Client authentication by HTTP Basic or client_id/client_secret in the body. Form or JSON bodies. Errors follow RFC 6749 §5.2 ({error, error_description}); ' +
      'a throttled password grant answers 429 with Retry-After. Also served at /{workspace}/oauth2/token (ProcessMaker 3).',
  })
  @ApiBody({ schema: TOKEN_REQUEST_SCHEMA })
  @ApiOkResponse({ type: OAuthTokenResponse, headers: { 'Cache-Control': { schema: { type: 'string', example: 'no-store' } } } })
  @ApiOAuthErrors({
    400: 'invalid_request, invalid_grant (bad credentials, code or refresh token), unsupported_grant_type, unauthorized_client or invalid_scope',
    401: 'invalid_client: client authentication failed (with WWW-Authenticate: Basic)',
    429: 'invalid_grant after too many failed sign-ins of the password grant, with Retry-After',
  })
  async token(
    @Req() req: Request,
    @Res() res: Response,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Query() query: Record<string, unknown>,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    sendOAuthResult(res, await this.issueToken.execute({ headers, query, body, address: req.ip ?? 'unknown' }));
  }

  @Post(':workspace/oauth2/token')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async workspaceToken(
    @Req() req: Request,
    @Res() res: Response,
    @Param('workspace') workspace: string,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Query() query: Record<string, unknown>,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    sendOAuthResult(res, await this.issueToken.execute({ headers, query, body, address: req.ip ?? 'unknown', workspace }));
  }
}
