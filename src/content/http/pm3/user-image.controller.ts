import { Controller, HttpCode, Param, type PipeTransform, Post, Req } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Injectable } from '@nestjs/common';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { ApiPm3Errors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, IdentityApi, type Principal } from '../../../identity/index.js';
import { SetPicture } from '../../application/pictures/set-picture.use-case.js';

/** `{workspace}` → tenant id; an unknown workspace is ProcessMaker's 400. */
@Injectable()
export class ContentWorkspacePipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly identity: IdentityApi) {}

  transform(value: string): Promise<string> {
    return this.identity.tenantIdOfWorkspace(value);
  }
}

class UsrUidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return pm3Id.decode(value, 'usr_uid');
  }
}

/** Seed 003 "Upload User Image". */
@ApiTags('pm3 content: user image')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiPm3Errors(400, 401, 403, 413)
@Controller('api/1.0/:workspace')
export class Pm3UserImageController {
  constructor(private readonly setPicture: SetPicture) {}

  @Post('user/:usr_uid/image-upload')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload a user\'s image',
    description:
      'Seed 003 documents USR_PHOTO as a path on the ProcessMaker server (sent by PHP cURL\'s "@path", which uploads that file). A server ' +
      'path is never read here: the image travels in the multipart request, as a file part named `USR_PHOTO` (what the documented PHP ' +
      'example sends) or `file`. It must be a JPEG, PNG or GIF by its bytes (anything else, or an undecodable image, is 400), at most ' +
      '10 MiB (413), and is stored resized to fit 512 × 512; it becomes the user\'s picture (aps users/{userId}/picture and profile-picture). ' +
      'The user themselves or a user administrator (PM_USERS or tenant administration) may do it; others 403; an unknown user 400. ' +
      '200 with an empty body.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        USR_PHOTO: { type: 'string', format: 'binary', description: 'The image file (JPEG, PNG or GIF)' },
        file: { type: 'string', format: 'binary', description: 'Accepted instead of USR_PHOTO' },
      },
    },
  })
  @ApiOkResponse({ description: 'Empty body: the image was stored.' })
  async upload(
    @CurrentPrincipal() actor: Principal,
    @Param('workspace', ContentWorkspacePipe) tenantId: string,
    @Param('usr_uid', new UsrUidPipe()) userId: string,
    @Req() request: Request,
  ): Promise<void> {
    await this.setPicture.execute({ actor, owner: { kind: 'user', userId }, tenantId, request });
  }
}
