import { ApiProperty } from '@nestjs/swagger';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

/** The document's model representation (seed 004 "Model Details and History"). */
export class ApsModelResponse {
  @ApiProperty({ example: 2002 }) id!: number;
  @ApiProperty({ example: 'aad' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '' }) description!: string | null;
  @ApiProperty({ enum: [0, 1, 2, 3, 4], description: '0 BPMN 2.0 process, 1 step process, 2 form, 3 app, 4 decision table', example: 0 }) modelType!: number;
  @ApiProperty({ description: 'Version of this representation (history entries: their own version)', example: 3 }) version!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Comment of this version', example: '' }) comment!: string | null;
  @ApiProperty({ description: 'Stencil set id (0: the default one)', example: 0 }) stencilSet!: number;
  @ApiProperty({ type: Number, nullable: true, example: null }) referenceId!: number | null;
  @ApiProperty({ example: 1 }) createdBy!: number;
  @ApiProperty({ type: String, nullable: true, description: 'First and last name; null when the user no longer exists', example: 'John Doe' }) createdByFullName!: string | null;
  @ApiProperty({ example: 1 }) lastUpdatedBy!: number;
  @ApiProperty({ type: String, nullable: true, example: 'John Doe' }) lastUpdatedByFullName!: string | null;
  @ApiProperty({ example: '2015-01-10T16:24:27.893+0000' }) lastUpdated!: string;
  @ApiProperty({ description: 'true for the current version, false for history entries', example: true }) latestVersion!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'The caller\'s favorite flag; null on history entries', example: false }) favorite!: boolean | null;
  @ApiProperty({ type: String, nullable: true, enum: ['write', 'read'], description: 'write: the creator or an administrator; read: other users of the tenant; null on history entries', example: 'write' })
  permission!: string | null;
  @ApiProperty({ example: 1 }) tenantId!: number;
}

export class ApsModelPageResponse extends ApsPageFields {
  @ApiProperty({ type: [ApsModelResponse] }) data!: ApsModelResponse[];
}

export class ApsAppDefinitionContentModel {
  @ApiProperty({ example: 2002 }) id!: number;
  @ApiProperty({ example: 'Holiday request' }) name!: string;
  @ApiProperty({ description: 'The process model version (published, or current for GET app-definitions/{modelId})', example: 3 }) version!: number;
  @ApiProperty({ description: 'Its BPMN process id (definition key)', example: 'holidayRequest' }) key!: string;
}

export class ApsAppDefinitionContent {
  @ApiProperty({ type: [ApsAppDefinitionContentModel] }) models!: ApsAppDefinitionContentModel[];
  @ApiProperty({ example: 'theme-1' }) theme!: string;
  @ApiProperty({ example: 'glyphicon-asterisk' }) icon!: string;
}

/** The published app: its model representation (new version) and what was frozen for deployment. */
export class ApsPublishedAppDefinition extends ApsModelResponse {
  @ApiProperty({ type: ApsAppDefinitionContent }) definition!: ApsAppDefinitionContent;
}

/** Alfresco's AppDefinitionUpdateResultRepresentation for a successful publish. */
export class ApsPublishAppResponse {
  @ApiProperty({ type: ApsPublishedAppDefinition }) appDefinition!: ApsPublishedAppDefinition;
  @ApiProperty({ description: 'Always false: a refused publish is a 4xx error body', example: false }) error!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) message!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) messageKey!: string | null;
}

/** A runtime app (seed 004 "Runtime Apps"). */
export class ApsRuntimeAppResponse {
  @ApiProperty({ type: String, nullable: true, description: 'The newest deployment (null for an app without process models)', example: '26' }) deploymentId!: string | null;
  @ApiProperty({ example: 'HR processes' }) name!: string;
  @ApiProperty({ example: 'glyphicon-cloud' }) icon!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) description!: string | null;
  @ApiProperty({ example: 'theme-6' }) theme!: string;
  @ApiProperty({ description: 'The app model', example: 4 }) modelId!: number;
  @ApiProperty({ description: 'The app definition id (here equal to modelId; process definitions carry it as appDefinitionId)', example: 4 }) id!: number;
}

export class ApsRuntimeAppPageResponse extends ApsPageFields {
  @ApiProperty({ type: [ApsRuntimeAppResponse] }) data!: ApsRuntimeAppResponse[];
}
