import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

const VALUES = {
  type: 'object',
  additionalProperties: true,
  description:
    'Form field id → value (ids from the form\'s fields). A dropdown or radio value may be the option object, its id or its name (stored as the ' +
    'option id); a dynamic table\'s value is an array of row objects keyed by column id (design.md §8 "Forms").',
  example: { text1: 'TEST', amount: 42 },
} as const;

export class ApsCompleteTaskFormDto {
  @ApiPropertyOptional(VALUES)
  @IsOptional()
  @IsObject()
  values?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, description: 'The name of one of the form\'s outcomes (another: 400). Omitted: none.', example: 'Approve' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  outcome?: string | null;
}

export class ApsSaveTaskFormDto {
  @ApiProperty(VALUES)
  @IsObject()
  values!: Record<string, unknown>;
}

export class ApsAttachFormDto {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'The id of a form model (modelType 2) of the tenant', example: 5 })
  @Allow()
  formId!: unknown;
}
