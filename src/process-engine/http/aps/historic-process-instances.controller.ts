import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { QueryHistoricProcessInstances } from '../../application/history/query-historic-process-instances.query.js';
import { APS_ENTERPRISE, ApsEngineAuth } from './aps-engine.support.js';
import { ApsHistoricProcessInstanceQueryDto, historicDate } from './historic-process-instances.dto.js';
import { ApsProcessInstancePageResponse } from './process-instances-response.dto.js';
import { type ApsProcessInstance, toApsProcessInstance } from './process-instances.mapper.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';

/** seed 004 "Historic process instance queries". */
@ApiTags('process-engine: history')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENTERPRISE}/historic-process-instances`)
export class ApsHistoricProcessInstancesController {
  constructor(private readonly queryHistoric: QueryHistoricProcessInstances) {}

  @Post('query')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Query historic process instances',
    description:
      'Every instance of the caller\'s tenant, running or ended (completed or deleted); admins see all, others the instances they are involved in. ' +
      'Every parameter of the document\'s table, combined with AND: processInstanceId (also processInstanceIds, a list), processDefinitionKey, ' +
      'processDefinitionId, businessKey (or processBusinessKey, the JS client\'s name), involvedUser (started it, linked to it, or assignee/owner/candidate of one of its tasks), finished ' +
      '(true: ended; false: not ended), superProcessInstanceId (no call activities yet: matches nothing), excludeSubprocesses (no effect: all are ' +
      'top-level), finishedAfter/Before and startedAfter/Before (`yyyy-MM-dd` or `yyyy-MM-ddTHH:mm:ss`, UTC unless a zone is given; exclusive), ' +
      'startedBy (user id), includeProcessVariables (fills `variables`), tenantId (the caller\'s tenant number; another matches nothing), tenantIdLike ' +
      "(LIKE on the tenant number), withoutTenantId (true: nothing — every instance has a tenant), and Activiti's `variables` " +
      '([{name, operation, value}], operation equals, notEquals, equalsIgnoreCase, notEqualsIgnoreCase, lessThan, greaterThan, lessThanOrEquals, ' +
      'greaterThanOrEquals, like; all must match). Sort (the document has none): Activiti\'s `sort` ' +
      '(processInstanceId default, processDefinitionId, businessKey, startTime, endTime, duration, tenantId) and `order` (asc default, desc). ' +
      'Paging: the document calls `start` "the page to start on", but as everywhere in Meridian (design.md §8) `start` is the offset of the first ' +
      'item and `page` the zero-based page number (wins); `size` default 25. Items are the process instance representation.',
  })
  @ApiOkResponse({ type: ApsProcessInstancePageResponse })
  async query(@CurrentPrincipal() actor: Principal, @Body() q: ApsHistoricProcessInstanceQueryDto): Promise<ApsPage<ApsProcessInstance>> {
    const { offset, limit } = apsOffset(q);
    const page = await this.queryHistoric.execute({
      actor,
      processInstanceId: q.processInstanceId,
      processInstanceIds: q.processInstanceIds,
      processDefinitionKey: q.processDefinitionKey,
      processDefinitionId: q.processDefinitionId,
      businessKey: q.businessKey ?? q.processBusinessKey,
      variables: q.variables?.map((v) => ({ name: v.name, operation: v.operation, value: v.value })),
      involvedUser: q.involvedUser,
      finished: q.finished,
      superProcessInstanceId: q.superProcessInstanceId,
      excludeSubprocesses: q.excludeSubprocesses,
      finishedAfter: historicDate(q.finishedAfter, 'finishedAfter'),
      finishedBefore: historicDate(q.finishedBefore, 'finishedBefore'),
      startedAfter: historicDate(q.startedAfter, 'startedAfter'),
      startedBefore: historicDate(q.startedBefore, 'startedBefore'),
      startedBy: q.startedBy,
      includeProcessVariables: q.includeProcessVariables,
      tenantId: q.tenantId,
      tenantIdLike: q.tenantIdLike,
      withoutTenantId: q.withoutTenantId,
      sort: q.sort,
      order: q.order,
      offset,
      limit,
    });
    return apsPage(offset, page.total, page.items.map(toApsProcessInstance));
  }
}
