import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import type { ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { QueryBoolean } from '../../../../libs/dialects/query-boolean.js';
import { ApsPageFields } from '../../../../libs/dialects/aps-page-fields.dto.js';

export class IncidentListQueryDto extends ApsPagingQueryDto {
  @ApiPropertyOptional({ description: 'Only the incidents of this process instance.', example: '2511' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'processInstanceId must be a positive integer id' })
  processInstanceId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: resolved incidents too. Default false: open incidents only.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeResolved?: boolean;
}

export interface Incident {
  id: number;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string | null;
  activityId: string | null;
  type: string;
  message: string;
  created: string;
  resolved: string | null;
}

export class IncidentResponse implements Incident {
  @ApiProperty({ example: 7 }) id!: number;
  @ApiProperty({ description: 'The instance, as the aps API writes its id', example: '2511' }) processInstanceId!: string;
  @ApiProperty({ example: 'invoice:1:3' }) processDefinitionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The token (execution) that stopped', example: null }) executionId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The BPMN element where it stopped', example: 'approvalGateway' }) activityId!: string | null;
  @ApiProperty({
    description: 'What went wrong: NO_OUTGOING_FLOW (no gateway flow matched and no default), EXPRESSION_FAILED, STEP_BUDGET_EXHAUSTED (a loop without wait states); later issues add job failures',
    example: 'NO_OUTGOING_FLOW',
  })
  type!: string;
  @ApiProperty({ example: 'No outgoing flow of gateway approvalGateway matched and it has no default flow' }) message!: string;
  @ApiProperty({ description: 'ISO 8601 in UTC, Alfresco style', example: '2026-11-22T10:00:00.000+0000' }) created!: string;
  @ApiProperty({ type: String, nullable: true, description: 'When it was resolved (or its instance deleted); null while open', example: null }) resolved!: string | null;
}

export class IncidentPageResponse extends ApsPageFields implements ApsPage<Incident> {
  @ApiProperty({ type: [IncidentResponse] }) data!: IncidentResponse[];
}
