import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AddChecklistItem } from '../../application/tasks/add-checklist-item.use-case.js';
import { ListChecklist } from '../../application/tasks/list-checklist.query.js';
import { ReorderChecklist } from '../../application/tasks/reorder-checklist.use-case.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsTaskPageResponse, ApsTaskResponse } from './tasks-response.dto.js';
import { ApsChecklistItemDto, ApsChecklistOrderDto, bodyId } from './tasks.dto.js';
import { type ApsTask, toApsTask } from './tasks.mapper.js';

const TASK_ID = new ApsIdPipe('taskId');

/** seed 004 "Checklists": the sub-tasks of a task, in their own order. */
@ApiTags('process-engine: tasks')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/tasks/:taskId/checklist`)
export class ApsChecklistController {
  constructor(
    private readonly list: ListChecklist,
    private readonly add: AddChecklistItem,
    private readonly reorder: ReorderChecklist,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Get a task\'s checklist',
    description: 'The checklist items (sub-tasks) of a task the caller sees, in checklist order, as tasks in the aps list envelope (one page, all items).',
  })
  @ApiOkResponse({ type: ApsTaskPageResponse })
  @ApiApsErrors(400, 403, 404)
  async get(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<ApsPage<ApsTask>> {
    const items = (await this.list.execute({ actor, taskId })).map(toApsTask);
    return apsPage(0, items.length, items);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a checklist item',
    description:
      'Appends a sub-task to the checklist of an open task the caller sees: `name` required, `assignee` {id} optional (a user of the ' +
      'tenant, else 400), `parentTaskId` optional and, when sent, the task of the URL (else 400). The caller owns the item. Answers the item.',
  })
  @ApiOkResponse({ type: ApsTaskResponse })
  @ApiApsErrors(400, 403, 404, 409)
  async create(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsChecklistItemDto): Promise<ApsTask> {
    return toApsTask(
      await this.add.execute({
        actor,
        taskId,
        name: body.name,
        description: body.description,
        assigneeId: body.assignee ? (bodyId(body.assignee.id, 'assignee.id') ?? null) : null,
        parentTaskId: bodyId(body.parentTaskId, 'parentTaskId'),
      }),
    );
  }

  @Put()
  @ApiOperation({
    summary: 'Re-order a checklist',
    description: '`order` lists every checklist item id of the task exactly once, in the new order; anything else is a 400 and changes nothing.',
  })
  @ApiOkResponse({ description: 'Empty body; the checklist is re-ordered.' })
  @ApiApsErrors(400, 403, 404, 409)
  async order(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsChecklistOrderDto): Promise<void> {
    const order = body.order.map((id, i) => parseNumericId(id, `order[${i}]`));
    await this.reorder.execute({ actor, taskId, order });
  }
}
