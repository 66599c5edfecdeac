import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { QueryHistoricTasks } from '../../application/tasks/query-historic-tasks.query.js';
import type { TaskSortField } from '../../infrastructure/task.read-model.js';
import { APS_ENTERPRISE, ApsEngineAuth } from './aps-engine.support.js';
import { ApsHistoricTaskQueryDto, type HistoricTaskSort } from './historic-tasks.dto.js';
import { ApsTaskPageResponse } from './tasks-response.dto.js';
import { bodyDate, bodyId } from './tasks.dto.js';
import { type ApsTask, toApsTask } from './tasks.mapper.js';

const SORTS: Record<HistoricTaskSort, TaskSortField> = {
  taskInstanceId: 'id',
  processDefinitionId: 'definition',
  processInstanceId: 'instance',
  executionId: 'execution',
  taskDefinitionKey: 'taskDefinitionKey',
  name: 'name',
  description: 'description',
  assignee: 'assignee',
  owner: 'owner',
  startTime: 'created',
  endTime: 'ended',
  duration: 'duration',
  dueDate: 'due',
  priority: 'priority',
  deleteReason: 'deleteReason',
  tenantId: 'tenant',
};

function unsupported(list: unknown[] | undefined, field: string): void {
  if (list !== undefined && list.length > 0) {
    throw DomainError.validation('ENGINE.UNSUPPORTED_FILTER', `${field} is not supported`, { field });
  }
}

/** seed 004 "Get historic task instances". */
@ApiTags('process-engine: history')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/historic-tasks`)
export class ApsHistoricTasksController {
  constructor(private readonly historic: QueryHistoricTasks) {}

  @Post('query')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Query historic task instances',
    description:
      'Open and completed tasks (a task keeps its row when it ends) with every filter of the document\'s table, combined with AND; ' +
      'same visibility as the task list (admins: the whole tenant). `…Like` parameters are LIKE patterns as sent (Activiti: the ' +
      'caller writes the `%`); `taskAssignee`, `taskOwner`, `taskInvolvedUser` are user ids and their `…Like` forms match the id\'s ' +
      'digits. `…On` dates cover the 24 hours from the given instant (a plain date is midnight UTC); `…After`/`…Before` are exclusive. ' +
      '`tenantId` is the caller\'s tenant id (another matches nothing); `withoutTenantId: true` matches nothing (every task has a tenant). ' +
      '`processVariables`/`taskVariables` filters are not supported (400 when non-empty). Sort by Activiti\'s names (`sort`, default ' +
      'taskInstanceId; `order` asc|desc, default asc). Paging: `page` (wins) or `start`, `size` default 25.',
  })
  @ApiOkResponse({ type: ApsTaskPageResponse })
  @ApiApsErrors(400)
  async query(@CurrentPrincipal() actor: Principal, @Body() b: ApsHistoricTaskQueryDto): Promise<ApsPage<ApsTask>> {
    unsupported(b.processVariables, 'processVariables');
    unsupported(b.taskVariables, 'taskVariables');
    const { offset, limit } = apsOffset(b);
    const result = await this.historic.execute({
      actor,
      filters: {
        taskId: bodyId(b.taskId, 'taskId'),
        instanceId: bodyId(b.processInstanceId, 'processInstanceId'),
        definitionKey: b.processDefinitionKey,
        definitionKeyLike: b.processDefinitionKeyLike,
        definitionId: b.processDefinitionId,
        definitionName: b.processDefinitionName,
        definitionNameLike: b.processDefinitionNameLike,
        businessKey: b.processBusinessKey,
        businessKeyLike: b.processBusinessKeyLike,
        executionId: b.executionId,
        taskDefinitionKey: b.taskDefinitionKey,
        taskDefinitionKeyLike: b.taskDefinitionKeyLike,
        name: b.taskName,
        nameLike: b.taskNameLike,
        description: b.taskDescription,
        descriptionLike: b.taskDescriptionLike,
        deleteReason: b.taskDeleteReason,
        deleteReasonLike: b.taskDeleteReasonLike,
        assigneeId: bodyId(b.taskAssignee, 'taskAssignee'),
        assigneeLike: b.taskAssigneeLike,
        ownerId: bodyId(b.taskOwner, 'taskOwner'),
        ownerLike: b.taskOwnerLike,
        involvedUserId: bodyId(b.taskInvolvedUser, 'taskInvolvedUser'),
        candidateGroupId: bodyId(b.taskCandidateGroup, 'taskCandidateGroup'),
        priority: b.taskPriority,
        minPriority: b.taskMinPriority,
        maxPriority: b.taskMaxPriority,
        finished: b.finished,
        processFinished: b.processFinished,
        parentTaskId: bodyId(b.parentTaskId, 'parentTaskId'),
        dueOn: bodyDate(b.dueDate, 'dueDate'),
        dueAfter: bodyDate(b.dueDateAfter, 'dueDateAfter'),
        dueBefore: bodyDate(b.dueDateBefore, 'dueDateBefore'),
        withoutDueDate: b.withoutDueDate,
        completedOn: bodyDate(b.taskCompletedOn, 'taskCompletedOn'),
        completedAfter: bodyDate(b.taskCompletedAfter, 'taskCompletedAfter'),
        completedBefore: bodyDate(b.taskCompletedBefore, 'taskCompletedBefore'),
        createdOn: bodyDate(b.taskCreatedOn, 'taskCreatedOn'),
        createdAfter: bodyDate(b.taskCreatedAfter, 'taskCreatedAfter'),
        createdBefore: bodyDate(b.taskCreatedBefore, 'taskCreatedBefore'),
        tenantId: bodyId(b.tenantId, 'tenantId'),
        tenantIdLike: b.tenantIdLike,
        withoutTenantId: b.withoutTenantId,
      },
      sort: { field: SORTS[b.sort ?? 'taskInstanceId'], direction: b.order ?? 'asc' },
      includeProcessVariables: b.includeProcessVariables,
      includeTaskLocalVariables: b.includeTaskLocalVariables,
      offset,
      limit,
    });
    return apsPage(offset, result.total, result.items.map(toApsTask));
  }
}
