import { ApiProperty } from '@nestjs/swagger';
import type { ApsForm, ApsFormVariable, ApsInstanceStartForm, ApsTaskForm } from './forms.mapper.js';

/* Response schemas of the aps form endpoints (seed 004 "Start Form", "Task Form"); each implements the mapper's interface. */

export class ApsFormOutcomeResponse {
  @ApiProperty({ example: 'approve' }) id!: string;
  @ApiProperty({ description: 'What a submission sends as `outcome`', example: 'Approve' }) name!: string;
}

export class ApsFormOptionResponse {
  @ApiProperty({ example: 'red' }) id!: string;
  @ApiProperty({ example: 'Red' }) name!: string;
}

const FIELDS = {
  type: 'array',
  items: { type: 'object', additionalProperties: true },
  description:
    'The fields as seed 004 shows them: every common property present (fieldType, id, name, type, value, required, readOnly, overrideId, placeholder, ' +
    'optionType, hasEmptyValue, options, restUrl, restIdProperty, restLabelProperty, layout, sizeX, sizeY, row, col, visibilityCondition), `fields` on ' +
    'containers (column number → fields), `columnDefinitions` on dynamic tables; `value` filled in from the variables (and the draft).',
} as const;

export class ApsFormResponse implements ApsForm {
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'The form definition\'s id', example: 5 }) id!: number | string;
  @ApiProperty({ description: 'The form\'s key (what a formKey names)', example: 'request-form' }) key!: string;
  @ApiProperty({ example: 'Request form' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'p1:2:2504' }) processDefinitionId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'p1' }) processDefinitionName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'p1' }) processDefinitionKey!: string | null;
  @ApiProperty(FIELDS) fields!: unknown[];
  @ApiProperty({ type: [ApsFormOutcomeResponse], description: 'Empty: the form offers no outcomes (a submission then sends none)' })
  outcomes!: ApsFormOutcomeResponse[];
}

export class ApsTaskFormResponse extends ApsFormResponse implements ApsTaskForm {
  @ApiProperty({ example: '2524' }) taskId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Review' }) taskName!: string | null;
  @ApiProperty({ description: 'true once the task has ended: the values are the submitted ones and the form cannot be submitted again', example: false })
  readOnly!: boolean;
}

export class ApsInstanceStartFormResponse extends ApsFormResponse implements ApsInstanceStartForm {
  @ApiProperty({ example: '2511' }) processInstanceId!: string;
  @ApiProperty({ description: 'Always true: the submitted start form', example: true }) readOnly!: boolean;
}

export class ApsFormVariableResponse implements ApsFormVariable {
  @ApiProperty({ description: 'The variable name', example: 'initiator' }) id!: string;
  @ApiProperty({ enum: ['string', 'integer', 'long', 'double', 'boolean', 'date', 'json'], example: 'string' }) type!: string;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: {} }], example: '3205' })
  value!: unknown;
}
