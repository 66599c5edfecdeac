import { type ApiBodyOptions, ApiProperty } from '@nestjs/swagger';

/** What a picture or logo upload answers (the document shows no body). */
export class ApsPictureResponse {
  @ApiProperty({ type: Number, example: 5, description: 'The content id of the picture: the user\'s `pictureId` (or the tenant\'s logo)' })
  id!: number;

  @ApiProperty({ example: 'image/png', enum: ['image/png', 'image/jpeg', 'image/gif'], description: 'Detected from the bytes; the format is kept' })
  mimeType!: string;

  @ApiProperty({ example: 512, description: 'Width as stored (resized to fit 512 × 512, never enlarged)' })
  width!: number;

  @ApiProperty({ example: 384, description: 'Height as stored' })
  height!: number;
}

export const PICTURE_BODY_SCHEMA: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'The picture: PNG, JPEG or GIF (by its bytes), at most 10 MiB' } },
  },
};
