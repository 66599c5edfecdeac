import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiQuestetraErrors } from '../../../../libs/dialects/openapi-errors.js';
import { QuestetraParams } from '../../../../libs/dialects/questetra-params.decorator.js';
import { GrantSystemAuthority } from '../../application/authorities/grant-system-authority.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { QuestetraPostParams } from '../../../../libs/dialects/questetra-endpoint.decorator.js';
import { QuserResponseDto, toQuserEntry } from './quser.dto.js';
import { AddSystemAuthorityToQuserParams } from './system-authority.dto.js';

/** Questetra's system authority (seed 000): who is a system administrator. */
@ApiTags('identity')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiQuestetraErrors(400, 401, 403)
@Controller('API/Admin/SystemAuthority')
export class SystemAuthorityController {
  constructor(private readonly grantSystemAuthority: GrantSystemAuthority) {}

  @Post('addToQuser')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Grant the system-administrator authority to a user',
    description:
      'Needs the system-administrator authority. Idempotent: granting it again answers the same. The seed documents ' +
      'no response; Meridian answers the user as {quser: QuserEntry}. Missing quserId → Validation; malformed → ' +
      'InvalidId; no such user in the caller\'s tenant → QuserDoesNotExist, each naming quserId.',
  })
  @QuestetraPostParams(AddSystemAuthorityToQuserParams)
  @ApiOkResponse({ type: QuserResponseDto })
  async addToQuser(
    @CurrentPrincipal() actor: Principal,
    @QuestetraParams() params: AddSystemAuthorityToQuserParams,
  ): Promise<QuserResponseDto> {
    const userId = parseNumericId(params.quserId, 'quserId');
    const user = await this.grantSystemAuthority.execute({ actor, userId, field: 'quserId' });
    return { quser: toQuserEntry(user) };
  }
}
