import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsDate } from '../../../../libs/dialects/dates.js';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { type IncidentView, ListIncidents } from '../../application/incidents/list-incidents.query.js';
import { ApsEngineAuth } from '../aps/aps-engine.support.js';
import { type Incident, IncidentListQueryDto, IncidentPageResponse } from './incidents.dto.js';

function toIncident(v: IncidentView): Incident {
  return {
    id: Number(v.id),
    processInstanceId: v.processInstanceId,
    processDefinitionId: v.processDefinitionId,
    executionId: v.executionId,
    activityId: v.activityId,
    type: v.type,
    message: v.message,
    created: apsDate(v.createdAt)!,
    resolved: apsDate(v.resolvedAt),
  };
}

/** Platform extension (design.md §7, §8 "Incidents"), in aps conventions. */
@ApiTags('process-engine: incidents')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller('api/platform/incidents')
export class IncidentsController {
  constructor(private readonly listIncidents: ListIncidents) {}

  @Get()
  @ApiOperation({
    summary: 'List incidents',
    description:
      'Why process instances stopped (no gateway flow matched, an expression failed, a job ran out of retries): such an instance stays running with ' +
      'an incident, and its JSON carries `incidents` (the open ones). Admins see every incident of their tenant; others those of the instances they ' +
      'may see (an instance they cannot see simply yields none). `processInstanceId` filters; `includeResolved=true` adds resolved ones (default: ' +
      'open only). Newest first; paged as aps lists ({size,total,start,data}; `start` offset or `page`, `size` default 25).',
  })
  @ApiOkResponse({ type: IncidentPageResponse })
  async list(@CurrentPrincipal() actor: Principal, @Query() q: IncidentListQueryDto): Promise<ApsPage<Incident>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.listIncidents.execute({ actor, processInstanceId: q.processInstanceId, includeResolved: q.includeResolved, offset, limit });
    return apsPage(offset, page.total, page.items.map(toIncident));
  }
}
