import { ApiProperty, ApiPropertyOptional, type ApiBodyOptions } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';

/** The aps light user who created the content. */
export class ApsContentCreatorResponse {
  @ApiProperty({ type: Number, example: 1 })
  id!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Ada' })
  firstName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Admin' })
  lastName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'admin@example.com' })
  email!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The content id of the creator\'s picture (users/{userId}/picture), null without one', example: null })
  pictureId!: number | null;
}

const STATUS = ['queued', 'created', 'unsupported', 'error'];

/** Seed 004 "Content": the content object, plus the link fields and owner ids when they apply. */
export class ApsContentResponse {
  @ApiProperty({ type: Number, example: 4000 })
  id!: number;

  @ApiProperty({ example: 'tasks.PNG', description: 'The uploaded file\'s name, sanitised: its last path segment, no control characters, at most 255 characters' })
  name!: string;

  @ApiProperty({ example: '2015-01-01T01:01:01.000+0000' })
  created!: string;

  @ApiProperty({ type: ApsContentCreatorResponse })
  createdBy!: ApsContentCreatorResponse;

  @ApiProperty({ description: 'true: related content (e.g. a task\'s "related content"); false: field content (uploaded in a form)' })
  relatedContent!: boolean;

  @ApiProperty({ description: 'The bytes are here (false for links)' })
  contentAvailable!: boolean;

  @ApiProperty({ description: 'A link to content elsewhere (source, sourceId, linkUrl), holding no bytes' })
  link!: boolean;

  @ApiProperty({ example: 'image/png', description: 'Detected from the bytes, never taken from the client' })
  mimeType!: string;

  @ApiProperty({ enum: ['image', 'pdf', 'word', 'excel', 'powerpoint', 'text', 'content'], example: 'image' })
  simpleType!: string;

  @ApiProperty({ enum: STATUS, description: 'queued until the after-commit job ran; images are their own preview (created), other types unsupported' })
  previewStatus!: string;

  @ApiProperty({ enum: STATUS, description: 'queued → created (a PNG of at most 200×200), unsupported (not an image sharp reads) or error (corrupt image)' })
  thumbnailStatus!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Links only', example: 'alfresco-1' })
  source?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Links only', example: '30358280-88de-436e-9d4d-8baa9dc44f17@swsdp' })
  sourceId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Links only' })
  linkUrl?: string | null;

  @ApiPropertyOptional({ type: String, description: 'When the content belongs to a process instance (or a task of one)', example: '5001' })
  processInstanceId?: string;

  @ApiPropertyOptional({ type: String, description: 'When the content belongs to a task', example: '5010' })
  taskId?: string;
}

/** `{size,total,start,data}` of content objects. */
export class ApsContentPageResponse {
  @ApiProperty() size!: number;
  @ApiProperty() total!: number;
  @ApiProperty() start!: number;
  @ApiProperty({ type: [ApsContentResponse] }) data!: ApsContentResponse[];
}

export class ApsUploadQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Related content (true) or field content (false, the default as documented for raw uploads)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  isRelatedContent?: boolean;
}

/** The multipart body of uploads: one file part. */
export const UPLOAD_BODY_SCHEMA: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'The content (the first file part is taken, whatever its name; further ones are ignored)' } },
  },
};
