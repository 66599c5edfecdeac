import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty } from 'class-validator';

export class AddSystemAuthorityToQuserParams {
  @ApiProperty({ description: 'Id of the user who becomes a system administrator.', type: String, example: '1001' })
  @IsNotEmpty()
  quserId: unknown;
}
