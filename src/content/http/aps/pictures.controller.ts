import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { GetPicture } from '../../application/pictures/get-picture.query.js';
import { SetPicture, type SetPictureResult } from '../../application/pictures/set-picture.use-case.js';
import { sendPicture } from '../picture-response.js';
import { APS_ENTERPRISE, ApsContentAuth, ContentIdPipe } from './content.controller.js';
import { ApsPictureResponse, PICTURE_BODY_SCHEMA } from './pictures.dto.js';

const BINARY = { schema: { type: 'string', format: 'binary' } };
const IMAGE = { content: { 'image/png': BINARY, 'image/jpeg': BINARY, 'image/gif': BINARY } };
const UPLOAD =
  'multipart/form-data with the picture in a part named `file`. It must be a PNG, JPEG or GIF by its bytes (the declared type and the ' +
  'name do not count; anything else, or an image that cannot be decoded, is 400); at most 10 MiB (413). It is stored resized with ' +
  'sharp to fit 512 × 512 (never enlarged), upright, in its own format, without its metadata (an animated GIF keeps its first frame), ' +
  'and replaces the previous one, which is deleted. Answers 200 with the stored picture\'s id (its content id) and size. ';
const BYTES = 'Served with its type, inline, `X-Content-Type-Options: nosniff`, `Cache-Control: private, no-cache` and an ETag. ';

function picture(r: SetPictureResult): ApsPictureResponse {
  return { id: Number(r.contentId), mimeType: r.mimeType, width: r.width, height: r.height };
}

/** Seed 004: the current user's picture, other users' pictures, and tenant logos. */
@ApiTags('content')
@ApsContentAuth()
@Controller(APS_ENTERPRISE)
export class ApsPicturesController {
  constructor(
    private readonly getPicture: GetPicture,
    private readonly setPicture: SetPicture,
  ) {}

  @Get('profile-picture')
  @ApiOperation({ summary: 'The current user\'s picture', description: BYTES + 'No picture: 404.' })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif')
  @ApiOkResponse({ description: 'The picture', ...IMAGE })
  @ApiApsErrors(404)
  async profilePicture(@CurrentPrincipal() actor: Principal, @Res() res: Response): Promise<void> {
    sendPicture(res, await this.getPicture.execute({ actor, owner: { kind: 'user', userId: actor.userId } }));
  }

  @Post('profile-picture')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the current user\'s picture', description: UPLOAD })
  @ApiConsumes('multipart/form-data')
  @ApiBody(PICTURE_BODY_SCHEMA)
  @ApiOkResponse({ type: ApsPictureResponse })
  @ApiApsErrors(400, 413)
  async changeProfilePicture(@CurrentPrincipal() actor: Principal, @Req() request: Request): Promise<ApsPictureResponse> {
    return picture(await this.setPicture.execute({ actor, owner: { kind: 'user', userId: actor.userId }, tenantId: actor.tenantId, request }));
  }

  @Get('users/:userId/picture')
  @ApiOperation({
    summary: 'The picture of a user',
    description: BYTES + 'Any signed-in user of the same tenant (as the people pickers). A user without a picture, unknown, deleted or of another tenant: 404.',
  })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif')
  @ApiOkResponse({ description: 'The picture', ...IMAGE })
  @ApiApsErrors(400, 404)
  async userPicture(@CurrentPrincipal() actor: Principal, @Param('userId', new ContentIdPipe('userId')) userId: string, @Res() res: Response): Promise<void> {
    sendPicture(res, await this.getPicture.execute({ actor, owner: { kind: 'user', userId } }));
  }

  @Get('admin/tenants/:tenantId/logo')
  @ApiOperation({
    summary: 'The logo of a tenant',
    description:
      BYTES + 'Seed 004: only for tenant admins (their own tenant) and tenant managers (any tenant); others 403. No logo (or no such tenant): 404.',
  })
  @ApiProduces('image/png', 'image/jpeg', 'image/gif')
  @ApiOkResponse({ description: 'The logo', ...IMAGE })
  @ApiApsErrors(400, 403, 404)
  async logo(@CurrentPrincipal() actor: Principal, @Param('tenantId', new ContentIdPipe('tenantId')) tenantId: string, @Res() res: Response): Promise<void> {
    sendPicture(res, await this.getPicture.execute({ actor, owner: { kind: 'tenant', tenantId } }));
  }

  @Post('admin/tenants/:tenantId/logo')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the logo of a tenant',
    description: 'Tenant admins (their own tenant) and tenant managers (any tenant); others 403; unknown tenant 404. ' + UPLOAD,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(PICTURE_BODY_SCHEMA)
  @ApiOkResponse({ type: ApsPictureResponse })
  @ApiApsErrors(400, 403, 404, 413)
  async changeLogo(@CurrentPrincipal() actor: Principal, @Param('tenantId', new ContentIdPipe('tenantId')) tenantId: string, @Req() request: Request): Promise<ApsPictureResponse> {
    return picture(await this.setPicture.execute({ actor, owner: { kind: 'tenant', tenantId }, tenantId, request }));
  }
}
