import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../../libs/platform/http/public.decorator.js';
import { DescribeAuthorizationServer } from '../../application/oauth/describe-authorization-server.query.js';
import { AuthorizationServerMetadataResponse, JsonWebKeySetResponse } from './oauth-protocol.dto.js';

@ApiTags('oauth2')
@Public()
@Controller('.well-known')
export class OAuthDiscoveryController {
  constructor(private readonly describe: DescribeAuthorizationServer) {}

  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Authorization server metadata (RFC 8414 fields). No ID tokens are issued.' })
  @ApiOkResponse({ type: AuthorizationServerMetadataResponse })
  metadata(): Record<string, unknown> {
    return this.describe.metadata();
  }

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys of the current and recently retired signing keys (JWKS)' })
  @ApiOkResponse({ type: JsonWebKeySetResponse })
  async jwks(): Promise<unknown> {
    return this.describe.jwks();
  }
}
