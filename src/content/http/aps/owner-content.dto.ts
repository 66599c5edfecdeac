import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';
import { MAX_LINK_URL, MAX_SOURCE, MAX_SOURCE_ID } from '../../domain/content-link.js';

export class ApsOwnerContentQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Absent: all content; true: related content only; false: field content only (seed 004)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  isRelatedContent?: boolean;
}

export class ApsLinkQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Related content (true, the default for links as documented) or field content (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  isRelatedContent?: boolean;
}

/** Seed 004 "To relate content (eg from Alfresco)": name, link, source, sourceId, mimeType, linkUrl. */
export class ApsLinkContentDto {
  @ApiProperty({ example: 'Image.png', maxLength: 255, description: 'Shown as the content\'s name (its last path segment, without control characters)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ example: true, description: 'Must be true or absent: only links are supported (copying bytes from the source is not; false answers 400)' })
  @IsOptional()
  @IsBoolean()
  link?: boolean;

  @ApiPropertyOptional({ example: 'alfresco-1', maxLength: MAX_SOURCE, description: 'The repository the content lives in' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE)
  source?: string;

  @ApiPropertyOptional({ example: '30358280-88de-436e-9d4d-8baa9dc44f17@swsdp', maxLength: MAX_SOURCE_ID, description: 'The content\'s id in that repository' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_ID)
  sourceId?: string;

  @ApiPropertyOptional({ example: 'image/png', description: 'Declared by the client (a link has no bytes to detect it from); default application/octet-stream' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  mimeType?: string;

  @ApiPropertyOptional({
    example: 'https://share.example.com/share/page/document-details?nodeRef=workspace://SpacesStore/30358280',
    maxLength: MAX_LINK_URL,
    description: 'An absolute http or https URL without credentials (javascript:, data:, file: and relative URLs are refused: 400). A link needs linkUrl or sourceId.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LINK_URL)
  linkUrl?: string;
}
