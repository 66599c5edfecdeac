import { ApiProperty } from '@nestjs/swagger';
import type { ApsPage } from '../../../../libs/dialects/aps-paging.js';
import type { ApsGroup, ApsGroupCapability, ApsGroupStatus, ApsGroupType, ApsGroupUser, ApsLightGroup, ApsLightUser } from './aps-groups.mapper.js';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

/*
 * Response schemas of the aps group endpoints. Each class implements the mapper's interface, so a
 * field the mappers add or retype breaks the build until it is documented here too.
 */

const DATE = 'ISO 8601 in UTC, Alfresco style';
const NOT_LOADED = 'null when not loaded';

export class ApsGroupCapabilityResponse implements ApsGroupCapability {
  @ApiProperty({ description: 'The groupCapabilityId to remove it with', example: 1 }) id!: number;
  @ApiProperty({ example: 'access-reports' }) name!: string;
}

export class ApsGroupUserResponse implements ApsGroupUser {
  @ApiProperty({ example: 1000 }) id!: number;
  @ApiProperty({ example: 1 }) tenantId!: number;
  @ApiProperty({ example: 'John' }) firstName!: string;
  @ApiProperty({ example: 'Doe' }) lastName!: string;
  @ApiProperty({ example: 'John Doe' }) fullname!: string;
  @ApiProperty({ type: String, nullable: true, example: 'johndoe@alfresco.com' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Always null', example: null }) password!: null;
  @ApiProperty({ example: 'enterprise' }) type!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) company!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) externalId!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null here', example: null }) capabilities!: null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null', example: null }) tenantPictureId!: null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null', example: null }) pictureId!: null;
  @ApiProperty({ description: DATE, example: '2015-01-08T13:22:36.198+0000' }) created!: string;
  @ApiProperty({ description: DATE, example: '2015-01-08T13:34:22.273+0000' }) lastUpdate!: string;
  @ApiProperty({ type: String, nullable: true, description: DATE, example: null }) latestSyncTimeStamp!: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null here, as in the document', example: null }) tenantName!: null;
  @ApiProperty({ enum: ['pending', 'inactive', 'active', 'deleted'], example: 'active' }) status!: 'pending' | 'inactive' | 'active' | 'deleted';
  @ApiProperty({ type: Object, nullable: true, description: 'Always null here', example: null }) groups!: null;
}

export class ApsGroupResponse implements ApsGroup {
  @ApiProperty({ example: 2000 }) id!: number;
  @ApiProperty({ example: 'Engineering' }) name!: string;
  @ApiProperty({ example: 1 }) tenantId!: number;
  @ApiProperty({ enum: [0, 1], description: '0 system group (carries capabilities), 1 functional group (organizational unit)', example: 1 }) type!: ApsGroupType;
  @ApiProperty({ type: Number, nullable: true, description: 'Functional groups only', example: null }) parentGroupId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Set by directory sync', example: null }) externalId!: string | null;
  @ApiProperty({ enum: ['active', 'inactive'], example: 'active' }) status!: ApsGroupStatus;
  @ApiProperty({ type: String, nullable: true, description: `Last directory sync (${DATE})`, example: null }) lastSyncTimeStamp!: string | null;
  @ApiProperty({ description: 'Number of users who are direct members (also when `users` is not loaded)', example: 2 }) userCount!: number;
  @ApiProperty({ type: [ApsGroupCapabilityResponse], nullable: true, description: `The group's capabilities ([] for functional groups); ${NOT_LOADED}` })
  capabilities!: ApsGroupCapabilityResponse[] | null;
  @ApiProperty({ type: [ApsGroupUserResponse], nullable: true, description: `Direct user members by user name; ${NOT_LOADED}` })
  users!: ApsGroupUserResponse[] | null;
  @ApiProperty({ type: () => ApsGroupResponse, isArray: true, nullable: true, description: `Functional sub-groups (same object, nothing loaded), by name; ${NOT_LOADED}` })
  groups!: ApsGroupResponse[] | null;
}

export class ApsLightGroupResponse implements ApsLightGroup {
  @ApiProperty({ example: 2000 }) id!: number;
  @ApiProperty({ example: 'Engineering' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) externalId!: string | null;
}

export class ApsGroupLightUserResponse implements ApsLightUser {
  @ApiProperty({ example: 10 }) id!: number;
  @ApiProperty({ example: 'John' }) firstName!: string;
  @ApiProperty({ example: 'Test' }) lastName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'john@alfresco.com' }) email!: string | null;
}

export class ApsGroupPageResponse extends ApsPageFields implements ApsPage<ApsGroup> {
  @ApiProperty({ type: [ApsGroupResponse] }) data!: ApsGroupResponse[];
}

export class ApsLightGroupPageResponse extends ApsPageFields implements ApsPage<ApsLightGroup> {
  @ApiProperty({ type: [ApsLightGroupResponse] }) data!: ApsLightGroupResponse[];
}

export class ApsGroupLightUserPageResponse extends ApsPageFields implements ApsPage<ApsLightUser> {
  @ApiProperty({ type: [ApsGroupLightUserResponse] }) data!: ApsGroupLightUserResponse[];
}

export class ApsPotentialCapabilitiesResponse extends ApsPageFields implements ApsPage<string> {
  @ApiProperty({ type: [String], description: 'Capability names the group does not have yet', example: ['access-reports', 'tenant-admin'] }) data!: string[];
}
