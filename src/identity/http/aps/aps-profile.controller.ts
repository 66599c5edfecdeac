import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { ApsAppVersionResponse, ApsUserResponse } from './aps-identity-response.dto.js';
import { ChangeOwnPassword } from '../../application/users/change-own-password.use-case.js';
import { GetUser } from '../../application/users/get-user.query.js';
import { ProfileGroupsQuery } from '../../application/users/profile-groups.query.js';
import { ProfilePicturesQuery } from '../../application/users/profile-pictures.query.js';
import { UpdateOwnProfile } from '../../application/users/update-own-profile.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { APS_ENTERPRISE, ApsAuth } from './aps-swagger.js';
import { ApsChangePasswordDto, ApsUpdateProfileDto } from './aps-identity.dto.js';
import { type ApsAppVersion, type ApsUser, toApsUser } from './aps-identity.mapper.js';

/** The Alfresco Process Services release whose documented API (seed 004) this dialect speaks. */
const APP_VERSION: ApsAppVersion = {
  edition: 'Meridian (Alfresco Process Services dialect)',
  majorVersion: '2',
  revisionVersion: '0',
  minorVersion: '0',
  type: 'bpmSuite',
};

@ApiTags('identity')
@ApsAuth()
@Controller(APS_ENTERPRISE)
export class ApsProfileController {
  constructor(
    private readonly getUser: GetUser,
    private readonly updateOwnProfile: UpdateOwnProfile,
    private readonly changeOwnPassword: ChangeOwnPassword,
    private readonly profileGroups: ProfileGroupsQuery,
    private readonly profilePictures: ProfilePicturesQuery,
  ) {}

  @Get('app-version')
  @ApiOperation({
    summary: 'Server information',
    description:
      'Needs a signed-in user: seed 004 shows it called with credentials and says the enterprise API "can be called using any user". ' +
      'The version numbers are those of the Alfresco release whose API is spoken (2.0.0); `edition` names Meridian.',
  })
  @ApiOkResponse({ type: ApsAppVersionResponse })
  appVersion(): ApsAppVersion {
    return { ...APP_VERSION };
  }

  @Get('profile')
  @ApiOperation({
    summary: 'The current user',
    description:
      'Under impersonation, the impersonated user. `capabilities` lists the Alfresco capabilities held through the role, directly or through system groups (tenant-admin, tenant-mgmt, access-reports …). ' +
      '`groups` are the groups the user is a direct member of (system and functional, INACTIVE ones included with status inactive), by name, ' +
      'with capabilities, users and groups null as in the document. `status` is lower-case; a user on vacation shows as active.',
  })
  @ApiOkResponse({ type: ApsUserResponse })
  async profile(@CurrentPrincipal() actor: Principal): Promise<ApsUser> {
    const user = await this.getUser.execute({ actor, userId: actor.userId, purpose: 'administration' });
    // The principal's permissions include those granted through system groups; the user row's do not.
    return toApsUser(
      { ...user, permissions: [...actor.permissions] },
      await this.profileGroups.of(user.tenantId, user.id),
      await this.profilePictures.of(user.tenantId, user.id),
    );
  }

  @Post('profile')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Update the current user',
    description:
      'Changes only the fields sent (firstName, lastName, email, company). An e-mail used by another user answers 409. A user whose login name is ' +
      'their e-mail (users created through this dialect) signs in with the new e-mail afterwards. Answers the updated user.',
  })
  @ApiOkResponse({ type: ApsUserResponse })
  @ApiApsErrors(400, 409)
  async updateProfile(@CurrentPrincipal() actor: Principal, @Body() body: ApsUpdateProfileDto): Promise<ApsUser> {
    const user = await this.updateOwnProfile.execute({ actor, ...body });
    return toApsUser(
      { ...user, permissions: [...actor.permissions] },
      await this.profileGroups.of(user.tenantId, user.id),
      await this.profilePictures.of(user.tenantId, user.id),
    );
  }

  @Post('profile-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change the current user\'s password',
    description: 'A wrong oldPassword answers 400 (field oldPassword); a newPassword outside 8–1024 characters answers 400. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the password is changed.' })
  @ApiApsErrors(400)
  async changePassword(@CurrentPrincipal() actor: Principal, @Body() body: ApsChangePasswordDto): Promise<void> {
    await this.changeOwnPassword.execute({ actor, oldPassword: body.oldPassword, newPassword: body.newPassword });
  }
}
