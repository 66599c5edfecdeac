import { ApiProperty } from '@nestjs/swagger';
import type { ApsPage } from '../../../../libs/dialects/aps-paging.js';
import {
  APS_USER_STATUSES,
  type ApsAppVersion,
  type ApsLightUser,
  type ApsProfileGroup,
  type ApsTenant,
  type ApsUser,
  type ApsUserStatus,
} from './aps-identity.mapper.js';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

/*
 * Response schemas of the aps identity endpoints. Each class implements the mapper's interface, so
 * a field the mappers add or retype breaks the build until it is documented here too.
 */

const DATE = 'ISO 8601 in UTC, Alfresco style';

export class ApsLightUserResponse implements ApsLightUser {
  @ApiProperty({ example: 1000 }) id!: number;
  @ApiProperty({ example: 'John' }) firstName!: string;
  @ApiProperty({ example: 'Doe' }) lastName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for users without an address (created in another dialect)', example: 'johndoe@alfresco.com' })
  email!: string | null;
}

export class ApsProfileGroupResponse implements ApsProfileGroup {
  @ApiProperty({ example: 2000 }) id!: number;
  @ApiProperty({ example: 'Engineering' }) name!: string;
  @ApiProperty({ example: 1 }) tenantId!: number;
  @ApiProperty({ enum: [0, 1], description: '0 system group (carries capabilities), 1 functional group (organizational unit)', example: 1 }) type!: 0 | 1;
  @ApiProperty({ type: Number, nullable: true, description: 'Functional groups only', example: null }) parentGroupId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Set by directory sync', example: null }) externalId!: string | null;
  @ApiProperty({ enum: ['active', 'inactive'], example: 'active' }) status!: 'active' | 'inactive';
  @ApiProperty({ type: String, nullable: true, description: `Last directory sync (${DATE})`, example: null }) lastSyncTimeStamp!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null here (not loaded)', example: null }) capabilities!: null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null here (not loaded)', example: null }) users!: null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null here (not loaded)', example: null }) groups!: null;
}

export class ApsUserResponse extends ApsLightUserResponse implements ApsUser {
  @ApiProperty({ type: String, nullable: true, description: 'Set by directory sync', example: null }) externalId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) company!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The content id of the user\'s picture (profile-picture, users/{userId}/picture), null without one; shown on the profile only, null in user lists and other user answers', example: 5 }) pictureId!: number | null;
  @ApiProperty({ description: 'First and last name joined by a space', example: 'John Doe' }) fullname!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Always null', example: null }) password!: null;
  @ApiProperty({ description: 'Account type: enterprise (default) or trial', example: 'enterprise' }) type!: string;
  @ApiProperty({ enum: APS_USER_STATUSES, description: 'Lower-case; a user on vacation (a ProcessMaker status) shows as active', example: 'active' })
  status!: ApsUserStatus;
  @ApiProperty({ description: DATE, example: '2015-01-08T13:22:36.198+0000' }) created!: string;
  @ApiProperty({ description: DATE, example: '2015-01-08T13:34:22.273+0000' }) lastUpdate!: string;
  @ApiProperty({ example: 1 }) tenantId!: number;
  @ApiProperty({ example: 'workflow' }) tenantName!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The content id of the tenant\'s logo (admin/tenants/{tenantId}/logo), null without one; shown on the profile only', example: null }) tenantPictureId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: `Last directory sync (${DATE}); null when never synced`, example: null })
  latestSyncTimeStamp!: string | null;
  @ApiProperty({ type: [String], description: 'Alfresco capabilities held, sorted', example: ['tenant-admin', 'tenant-mgmt'] }) capabilities!: string[];
  @ApiProperty({ type: [ApsProfileGroupResponse], description: 'GET profile: the groups the user is a direct member of, by name; [] elsewhere' })
  groups!: ApsProfileGroupResponse[];
}

export class ApsTenantResponse implements ApsTenant {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'workflow' }) name!: string;
  @ApiProperty({ description: 'The tenant\'s key, also its ProcessMaker workspace name', example: 'workflow' }) key!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) domain!: string | null;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no limit', example: null }) maxUsers!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The content id of the tenant\'s logo (admin/tenants/{tenantId}/logo), null without one', example: null }) logoId!: number | null;
  @ApiProperty({ description: DATE, example: '2015-01-08T13:22:36.198+0000' }) created!: string;
  @ApiProperty({ description: DATE, example: '2015-01-08T13:22:36.198+0000' }) lastUpdate!: string;
}

export class ApsAppVersionResponse implements ApsAppVersion {
  @ApiProperty({ example: 'Meridian (Alfresco Process Services dialect)' }) edition!: string;
  @ApiProperty({ example: '2' }) majorVersion!: string;
  @ApiProperty({ example: '0' }) revisionVersion!: string;
  @ApiProperty({ example: '0' }) minorVersion!: string;
  @ApiProperty({ example: 'bpmSuite' }) type!: string;
}

export class ApsLightUserPageResponse extends ApsPageFields implements ApsPage<ApsLightUser> {
  @ApiProperty({ type: [ApsLightUserResponse] }) data!: ApsLightUserResponse[];
}

export class ApsUserPageResponse extends ApsPageFields implements ApsPage<ApsUser> {
  @ApiProperty({ type: [ApsUserResponse] }) data!: ApsUserResponse[];
}

export class ApsTenantPageResponse extends ApsPageFields implements ApsPage<ApsTenant> {
  @ApiProperty({ type: [ApsTenantResponse] }) data!: ApsTenantResponse[];
}
