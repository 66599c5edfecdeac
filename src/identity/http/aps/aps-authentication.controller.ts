import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import type { Request, Response } from 'express';
import { AuthenticateUser } from '../../application/authenticate-user.use-case.js';
import { Public } from '../auth/auth.decorators.js';
import { ApsLoginFormDto } from './aps-identity.dto.js';

const REMEMBER_ME = 'ACTIVITI_REMEMBER_ME';
const COOKIE_OPTIONS = { httpOnly: true, sameSite: 'lax', path: '/activiti-app' } as const;

/**
 * The browser login of Alfresco's web app, which Alfresco's JavaScript client (@alfresco/js-api,
 * BASIC mode) calls before anything else. Meridian keeps no session: the client sends Basic
 * credentials on every call anyway, so the cookie set here is an opaque marker that authenticates
 * nothing (and so cannot be abused for cross-site requests).
 */
@ApiTags('identity')
@Controller('activiti-app/app')
export class ApsAuthenticationController {
  constructor(private readonly authenticateUser: AuthenticateUser) {}

  @Public()
  @Post('authentication')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary: 'Sign in with a login form (Alfresco JS client)',
    description:
      'Form fields j_username (e-mail or username), j_password, _spring_security_remember_me, submit. 200 with an empty body and ' +
      'a Set-Cookie ACTIVITI_REMEMBER_ME (HttpOnly, SameSite=Lax) on success; 401 {message, messageKey} on bad credentials; 429 with ' +
      'Retry-After after too many failures (design.md §8). The cookie does not authenticate later calls: send Basic credentials or a bearer token.',
  })
  @ApiOkResponse({
    description: 'Empty body; signed in.',
    headers: { 'Set-Cookie': { description: 'ACTIVITI_REMEMBER_ME=…; Path=/activiti-app; HttpOnly; SameSite=Lax', schema: { type: 'string' } } },
  })
  @ApiApsErrors(400, 401, 429)
  async login(@Body() form: ApsLoginFormDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.authenticateUser.execute({ login: form.j_username, password: form.j_password, address: req.ip ?? 'unknown' });
    res.cookie(REMEMBER_ME, randomBytes(24).toString('base64url'), COOKIE_OPTIONS);
  }

  @Public()
  @Get('logout')
  @ApiOperation({ summary: 'Sign out (Alfresco JS client)', description: 'Clears the ACTIVITI_REMEMBER_ME cookie; 200 with an empty body. Works with or without credentials.' })
  @ApiOkResponse({ description: 'Empty body; the cookie is cleared.' })
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(REMEMBER_ME, COOKIE_OPTIONS);
  }
}
