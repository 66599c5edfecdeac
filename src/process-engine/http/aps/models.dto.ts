import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { MODEL_KEY_PATTERN } from '../../application/models/model-content.js';
import { MODEL_TYPES, type ModelListFilter, type ModelSort, type ModelType } from '../../infrastructure/model.repository.js';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';

/** A number in a query string; anything else stays as sent and fails @IsInt/@IsIn naming the parameter. */
const QueryNumber = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value));

/** Absent is fine; `null` is not. */
const PresentNotNull = () => ValidateIf((_o: object, v: unknown) => v !== undefined);

export const MODEL_FILTERS: readonly ModelListFilter[] = ['myprocesses', 'sharedWithMe', 'sharedWithOthers', 'favorite'];
export const MODEL_SORTS: readonly ModelSort[] = ['modifiedDesc', 'modifiedAsc', 'nameAsc', 'nameDesc'];

export class ApsModelListQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({
    enum: MODEL_FILTERS,
    description:
      'myprocesses: models the caller created; sharedWithMe: models others created (every model is shared with the whole tenant); ' +
      'sharedWithOthers: the caller\'s models (all of them are visible to the tenant); favorite: the caller\'s favorites. Absent: every model of the type.',
  })
  @IsOptional()
  @IsIn(MODEL_FILTERS)
  filter?: ModelListFilter;

  @ApiPropertyOptional({ enum: MODEL_TYPES, default: 0, description: '0 BPMN 2.0 process (default, as Alfresco), 1 step process, 2 form, 3 app, 4 decision table.' })
  @IsOptional()
  @QueryNumber()
  @IsIn(MODEL_TYPES)
  modelType?: ModelType;

  @ApiPropertyOptional({ enum: MODEL_SORTS, default: 'modifiedDesc' })
  @IsOptional()
  @IsIn(MODEL_SORTS)
  sort?: ModelSort;

  @ApiPropertyOptional({ description: 'Only models with this referenceId.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  referenceId?: number;
}

export class ApsModelGetQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Accepted (the Alfresco JS client sends it); `permission` is always included.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includePermissions?: boolean;
}

export class ApsModelHistoryQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: the current version leads the list (with latestVersion true).' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeLatestVersion?: boolean;
}

export class ApsModelDeleteQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Accepted and ignored: history and favorites always go with the model.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  cascade?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Accepted and ignored: deleting an app model always takes it off the landing page.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  deleteRuntimeApp?: boolean;
}

export class ApsCreateModelDto {
  @ApiProperty({ maxLength: 255, example: 'My process' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiProperty({ enum: MODEL_TYPES, description: '0 BPMN 2.0 process, 1 step process, 2 form, 3 app, 4 decision table.', example: 0 })
  @IsIn(MODEL_TYPES)
  modelType!: ModelType;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, example: 'This is my favourite process!' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({
    maxLength: 255,
    pattern: MODEL_KEY_PATTERN.source,
    description: 'Process models: the BPMN process id (the process definition key). Default: the name in camelCase ("My process" → "myProcess").',
  })
  @IsOptional()
  @IsString()
  @Matches(MODEL_KEY_PATTERN, { message: 'key must start with a letter or _ and hold only letters, digits, _, . and -' })
  key?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The stencil set id, when a non-default one is used (kept, not interpreted).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  stencilSet?: number | null;

  @ApiPropertyOptional({
    description:
      'Meridian extension: the initial content. Process models: BPMN 2.0 XML (validated; its process id becomes the key); ' +
      'app models: the app definition JSON `{"models":[{"id":1}],"theme":"theme-1","icon":"glyphicon-asterisk"}`; form models (modelType 2): the form ' +
      'JSON `{key, name, fields, outcomes}` (design.md §8), validated by forms (400 FORMS.INVALID_FORM listing every problem, nothing created); step ' +
      'processes and decision tables: a JSON object. Absent: a process model starts with a minimal valid BPMN (none start → none end), an app with no ' +
      'models, a form model with an empty form.',
  })
  @IsOptional()
  @IsString()
  content?: string;
}

export class ApsUpdateModelDto {
  @ApiPropertyOptional({ maxLength: 255, example: 'New name' })
  @PresentNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, example: 'New description' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({ description: 'The caller\'s own favorite flag (per user; needs only read access).', example: true })
  @PresentNotNull()
  @IsBoolean()
  favorite?: boolean;

  @ApiPropertyOptional({
    description:
      'Meridian extension: new content (BPMN 2.0 XML for process models, the app definition JSON for apps, the form JSON for form models — ' +
      'validated by forms, 400 FORMS.INVALID_FORM listing every problem). Different content makes a new ' +
      'version; the previous one is kept in the history. Invalid content is a 400 and changes nothing.',
  })
  @PresentNotNull()
  @IsString()
  content?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'The comment of the new version.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class ApsCloneModelDto {
  @ApiProperty({ maxLength: 255, example: 'Cloned model' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'Default: the original\'s description.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({
    enum: MODEL_TYPES,
    description: 'Must be the original\'s type. The document\'s conversion of a step process (1) into BPMN 2.0 (0) is not supported: 400.',
  })
  @IsOptional()
  @IsIn(MODEL_TYPES)
  modelType?: ModelType;
}

/** Multipart upload: the BPMN file in the `file` part. */
export class ApsBpmnUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'A .bpmn or .bpmn20.xml file' })
  file!: unknown;
}

export class ApsPublishAppDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'Comment of the new app version.', example: '' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;

  @ApiPropertyOptional({ description: 'Accepted as Alfresco\'s clients send it; ignored.', example: false })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
