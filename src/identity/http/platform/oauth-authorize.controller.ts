import { applyDecorators, Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiFoundResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../../libs/platform/http/public.decorator.js';
import { APP_CONFIG, type AppConfig } from '../../../config/config.js';
import { CompleteAuthorization } from '../../application/oauth/complete-authorization.use-case.js';
import { stringParams } from '../../application/oauth/oauth-result.js';
import { type AuthorizationOutcome, pickAuthorizeParams, PrepareAuthorization } from '../../application/oauth/prepare-authorization.query.js';
import { FORM_TOKEN_COOKIE, FORM_TOKEN_FIELD, formTokenCookie, issueFormToken } from './login-form-token.js';
import { errorPage, loginPage, PAGE_HEADERS } from './login-page.js';
import { AUTHORIZE_FORM_SCHEMA, AUTHORIZE_QUERY, HTML_PAGE } from './oauth-protocol.dto.js';

const LOCATION = { Location: { description: 'The redirect URI with the answer in its query', schema: { type: 'string', format: 'uri' } } };
const ERROR_PAGE = 'An HTML error page: no client, an unknown client, or a redirect URI that is not registered (never redirected)';

/** The authorization endpoint (RFC 6749 §4.1): a plain sign-in form, then a redirect with code and state. */
@ApiTags('oauth2')
@Public()
@Controller('oauth/authorize')
export class OAuthAuthorizeController {
  constructor(
    private readonly prepare: PrepareAuthorization,
    private readonly complete: CompleteAuthorization,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Authorization endpoint: shows the sign-in form (response_type=code; PKCE S256 required for public clients)' })
  @ApiAuthorizeQuery()
  @ApiResponse({
    status: 200,
    description: `The sign-in form (HTML). Sets the \`${FORM_TOKEN_COOKIE}\` cookie (HttpOnly, SameSite=Strict, Path=/oauth; Secure when PUBLIC_URL is https) whose value the form carries as \`${FORM_TOKEN_FIELD}\``,
    content: HTML_PAGE,
    headers: { 'Set-Cookie': { description: 'The form token cookie', schema: { type: 'string' } } },
  })
  @ApiFoundResponse({ description: 'A request error for a trusted redirect URI: redirect_uri?error=…&error_description=…&state=…', headers: LOCATION })
  @ApiResponse({ status: 400, description: ERROR_PAGE, content: HTML_PAGE })
  async form(@Req() req: Request, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const checked = await this.prepare.execute(pickAuthorizeParams(stringParams(query)));
    this.send(req, res, checked.kind === 'valid' ? { kind: 'form', status: 200, clientName: checked.client.name, params: checked.params } : checked);
  }

  @Post()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'Sign-in form submission: checks the credentials and redirects to the client with code and state',
    description:
      'Posted by the form that GET shows; the authorization request rides along as hidden fields (they may also be in the query). ' +
      `The form's \`${FORM_TOKEN_FIELD}\` must equal the \`${FORM_TOKEN_COOKIE}\` cookie that GET set (login CSRF); otherwise the form is shown again with 400 and the password is not checked.`,
  })
  @ApiBody({ schema: AUTHORIZE_FORM_SCHEMA })
  @ApiFoundResponse({ description: 'Signed in: redirect_uri?code=…&state=… (or ?error=… for a request error)', headers: LOCATION })
  @ApiResponse({ status: 400, description: `${ERROR_PAGE}; or the form again when its form token is missing or does not match the cookie`, content: HTML_PAGE })
  @ApiResponse({ status: 401, description: 'Wrong username or password: the form again, with the error (HTML)', content: HTML_PAGE })
  @ApiResponse({
    status: 429,
    description: 'Too many failed sign-ins: the form again (HTML)',
    content: HTML_PAGE,
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  })
  async submit(@Req() req: Request, @Query() query: Record<string, unknown>, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const fields = { ...stringParams(query), ...stringParams(body) };
    const outcome = await this.complete.execute({
      params: pickAuthorizeParams(fields),
      login: fields.username ?? '',
      password: fields.password ?? '',
      address: req.ip ?? 'unknown',
      formToken: { cookie: formTokenCookie(req), submitted: fields[FORM_TOKEN_FIELD] },
    });
    this.send(req, res, outcome, fields.username);
  }

  private send(req: Request, res: Response, outcome: AuthorizationOutcome, login?: string): void {
    switch (outcome.kind) {
      case 'redirect':
        res.set('Cache-Control', 'no-store').redirect(302, outcome.location);
        return;
      case 'error-page':
        res.status(outcome.status).set(PAGE_HEADERS).send(errorPage(outcome.message));
        return;
      case 'form': {
        if (outcome.retryAfterSeconds !== undefined) res.set('Retry-After', String(outcome.retryAfterSeconds));
        const token = issueFormToken(req, res, this.config.publicUrl.startsWith('https:'));
        res.status(outcome.status).set(PAGE_HEADERS).send(loginPage(outcome.clientName, outcome.params, token, outcome.error, login));
        return;
      }
    }
  }
}

function ApiAuthorizeQuery(): MethodDecorator {
  return applyDecorators(...AUTHORIZE_QUERY.map((p) => ApiQuery(p)));
}
