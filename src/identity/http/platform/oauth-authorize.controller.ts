import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../../libs/platform/http/public.decorator.js';
import { CompleteAuthorization } from '../../application/oauth/complete-authorization.use-case.js';
import { stringParams } from '../../application/oauth/oauth-result.js';
import { type AuthorizationOutcome, pickAuthorizeParams, PrepareAuthorization } from '../../application/oauth/prepare-authorization.query.js';
import { errorPage, loginPage, PAGE_HEADERS } from './login-page.js';

/** The authorization endpoint (RFC 6749 §4.1): a plain sign-in form, then a redirect with code and state. */
@ApiTags('oauth2')
@Public()
@Controller('oauth/authorize')
export class OAuthAuthorizeController {
  constructor(
    private readonly prepare: PrepareAuthorization,
    private readonly complete: CompleteAuthorization,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Authorization endpoint: shows the sign-in form (response_type=code; PKCE S256 required for public clients)' })
  async form(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const checked = await this.prepare.execute(pickAuthorizeParams(stringParams(query)));
    if (checked.kind === 'valid') {
      res.status(200).set(PAGE_HEADERS).send(loginPage(checked.client.name, checked.params));
      return;
    }
    send(res, checked);
  }

  @Post()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({ summary: 'Sign-in form submission: checks the credentials and redirects to the client with code and state' })
  async submit(@Req() req: Request, @Query() query: Record<string, unknown>, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const fields = { ...stringParams(query), ...stringParams(body) };
    const outcome = await this.complete.execute({
      params: pickAuthorizeParams(fields),
      login: fields.username ?? '',
      password: fields.password ?? '',
      address: req.ip ?? 'unknown',
    });
    send(res, outcome, fields.username);
  }
}

function send(res: Response, outcome: AuthorizationOutcome, login?: string): void {
  switch (outcome.kind) {
    case 'redirect':
      res.set('Cache-Control', 'no-store').redirect(302, outcome.location);
      return;
    case 'error-page':
      res.status(outcome.status).set(PAGE_HEADERS).send(errorPage(outcome.message));
      return;
    case 'form':
      if (outcome.retryAfterSeconds !== undefined) res.set('Retry-After', String(outcome.retryAfterSeconds));
      res.status(outcome.status).set(PAGE_HEADERS).send(loginPage(outcome.clientName, outcome.params, outcome.error, login));
      return;
  }
}
