import { ApiProperty } from '@nestjs/swagger';
import { VARIABLE_TYPES } from '../../domain/variables/typed-value.js';
import { ANY_VALUE, VARIABLE_SCOPES } from './variables.dto.js';

/** A process instance variable as the document shows it: {name, type, value}. */
export class ApsVariableResponse {
  @ApiProperty({ example: 'myVariable' })
  name!: string;

  @ApiProperty({ enum: VARIABLE_TYPES, type: String, nullable: true, description: 'null for a null value stored without a type', example: 'string' })
  type!: string | null;

  @ApiProperty({ ...ANY_VALUE, description: 'The value; a date in aps format (2026-11-22T10:00:00.000+0000)', example: 'myValue' })
  value!: unknown;
}

/** A task variable as the document shows it: {name, scope, type, value}. */
export class ApsTaskVariableResponse extends ApsVariableResponse {
  @ApiProperty({ enum: VARIABLE_SCOPES, description: 'local: the task\'s own; global: a variable of its process instance', example: 'local' })
  scope!: string;
}
