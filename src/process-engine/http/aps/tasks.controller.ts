import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apsOffset, apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { AssignTask } from '../../application/tasks/assign-task.use-case.js';
import { ClaimTask } from '../../application/tasks/claim-task.use-case.js';
import { CompleteTask } from '../../application/tasks/complete-task.use-case.js';
import { CreateTask } from '../../application/tasks/create-task.use-case.js';
import { DelegateTask } from '../../application/tasks/delegate-task.use-case.js';
import { GetTask } from '../../application/tasks/get-task.query.js';
import { GetTaskAudit, type TaskAudit } from '../../application/tasks/get-task-audit.query.js';
import { InvolveUser } from '../../application/tasks/involve-user.use-case.js';
import { QueryTasks } from '../../application/tasks/query-tasks.query.js';
import { RemoveInvolvedUser } from '../../application/tasks/remove-involved-user.use-case.js';
import { ResolveTask } from '../../application/tasks/resolve-task.use-case.js';
import { UpdateTask } from '../../application/tasks/update-task.use-case.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import { ApsTaskAuditResponse, ApsTaskPageResponse, ApsTaskResponse } from './tasks-response.dto.js';
import {
  ApsAssignTaskDto,
  ApsCreateTaskDto,
  ApsTaskQueryDto,
  ApsTaskUpdateDto,
  ApsTaskUserDto,
  bodyDate,
  bodyId,
} from './tasks.dto.js';
import { type ApsTask, toApsTask } from './tasks.mapper.js';

const TASK_ID = new ApsIdPipe('taskId');

function userRef(body: ApsTaskUserDto, allowEmail: boolean): { id: string } | { email: string } {
  const id = bodyId(body.userId, 'userId');
  if (id !== undefined) return { id };
  if (allowEmail && body.email !== undefined) return { email: body.email };
  throw DomainError.validation('REQUEST.VALIDATION', allowEmail ? 'userId or email is required' : 'userId is required', { field: 'userId' });
}

/** seed 004 "Task List", "Task Details", "Create a Standalone Task", "Task Actions" and "Task Audit Info". */
@ApiTags('process-engine: tasks')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/tasks`)
export class ApsTasksController {
  constructor(
    private readonly queryTasks: QueryTasks,
    private readonly getTask: GetTask,
    private readonly updateTask: UpdateTask,
    private readonly createTask: CreateTask,
    private readonly completeTask: CompleteTask,
    private readonly claimTask: ClaimTask,
    private readonly assignTask: AssignTask,
    private readonly delegateTask: DelegateTask,
    private readonly resolveTask: ResolveTask,
    private readonly involveUser: InvolveUser,
    private readonly removeInvolvedUser: RemoveInvolvedUser,
    private readonly taskAudit: GetTaskAudit,
  ) {}

  @Post('query')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Query tasks',
    description:
      'Tasks the caller is involved in (assignee, owner, candidate user or through a group — nested groups count —, involved user, ' +
      'or involved in the task\'s process instance); tenant and system admins see every task of their tenant. `assignment`: ' +
      '`assignee` (the caller holds the task), `candidate` (unassigned, the caller is a candidate user or in a candidate group), ' +
      '`group_{groupId}` (unassigned, that group is a candidate group and the caller is in it, nested groups count; another group ' +
      'gives an empty list, except for admins), ' +
      '`involved` or absent (everything the caller may see). `state`: `open` (default; `active` is a synonym), `completed` or `all`. ' +
      '`text` is a case-insensitive substring of the name (`%` and `_` match literally). `dueAfter`/`dueBefore` are exclusive. ' +
      '`sort` defaults to `created-desc`; tasks without a due date sort last. `variables` lists process variables (scope global) ' +
      'and/or task-local variables (scope local) only when asked for. Paging: `page` (page number, wins) or `start` (offset), `size` default 25.',
  })
  @ApiOkResponse({ type: ApsTaskPageResponse })
  @ApiApsErrors(400)
  async query(@CurrentPrincipal() actor: Principal, @Body() body: ApsTaskQueryDto): Promise<ApsPage<ApsTask>> {
    const { offset, limit } = apsOffset(body);
    const result = await this.queryTasks.execute({
      actor,
      appDefinitionId: body.appDefinitionId !== undefined ? String(body.appDefinitionId) : undefined,
      processInstanceId: bodyId(body.processInstanceId, 'processInstanceId'),
      processDefinitionId: body.processDefinitionId,
      taskId: bodyId(body.taskId, 'taskId'),
      text: body.text,
      assignment: body.assignment,
      state: body.state,
      includeProcessVariables: body.includeProcessVariables,
      includeTaskLocalVariables: body.includeTaskLocalVariables,
      dueAfter: bodyDate(body.dueAfter, 'dueAfter'),
      dueBefore: bodyDate(body.dueBefore, 'dueBefore'),
      sort: body.sort,
      offset,
      limit,
    });
    return apsPage(offset, result.total, result.items.map(toApsTask));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a standalone task',
    description:
      'A task outside any process instance, assigned to the caller (seed 004). `name` is required; `description`, `dueDate`, ' +
      '`priority` (0–100, default 50), `formKey` and `category` are optional. Answers the task.',
  })
  @ApiOkResponse({ type: ApsTaskResponse })
  @ApiApsErrors(400)
  async create(@CurrentPrincipal() actor: Principal, @Body() body: ApsCreateTaskDto): Promise<ApsTask> {
    return toApsTask(
      await this.createTask.execute({
        actor,
        name: body.name,
        description: body.description,
        dueDate: bodyDate(body.dueDate, 'dueDate'),
        priority: body.priority,
        formKey: body.formKey,
        category: body.category,
      }),
    );
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'Task details', description: 'The task as in the task list. Unknown or another tenant\'s task: 404; not involved: 403.' })
  @ApiOkResponse({ type: ApsTaskResponse })
  @ApiApsErrors(400, 403, 404)
  async details(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<ApsTask> {
    return toApsTask(await this.getTask.execute({ actor, taskId }));
  }

  @Put(':taskId')
  @ApiOperation({
    summary: 'Update a task',
    description:
      'Changes `name`, `description`, `dueDate` (ISO 8601; null clears it), `priority` (0–100), `formKey` and `category` of an open ' +
      'task; absent fields stay. Anyone who sees the task. A completed task: 409. Answers the task.',
  })
  @ApiOkResponse({ type: ApsTaskResponse })
  @ApiApsErrors(400, 403, 404, 409)
  async update(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsTaskUpdateDto): Promise<ApsTask> {
    return toApsTask(
      await this.updateTask.execute({
        actor,
        taskId,
        name: body.name,
        description: body.description,
        dueDate: body.dueDate === null ? null : bodyDate(body.dueDate, 'dueDate'),
        priority: body.priority,
        formKey: body.formKey,
        category: body.category,
      }),
    );
  }

  @Put(':taskId/action/complete')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Complete a task',
    description:
      'Completes the task (no body, seed 004); a process task moves its instance on in the same transaction. The assignee, the owner, ' +
      'a candidate or an admin. A completed task, or a task of a suspended instance: 409.',
  })
  @ApiOkResponse({ description: 'Empty body; the task is completed.' })
  @ApiApsErrors(400, 403, 404, 409)
  async complete(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<void> {
    await this.completeTask.execute({ actor, taskId });
  }

  @Put(':taskId/action/claim')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Claim a task',
    description:
      'The caller becomes the assignee of an unassigned task they can see (a candidate, an involved user, an admin). Claiming one\'s own ' +
      'task again changes nothing; a task assigned to someone else, completed, or of a suspended instance: 409.',
  })
  @ApiOkResponse({ description: 'Empty body; the task is claimed.' })
  @ApiApsErrors(400, 403, 404, 409)
  async claim(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<void> {
    await this.claimTask.execute({ actor, taskId });
  }

  @Put(':taskId/action/assign')
  @ApiOperation({
    summary: 'Assign a task',
    description:
      '`assignee` is the id of a user of the tenant (or `email`); an unknown user is a 400. The current assignee, the owner, an admin, ' +
      'or a candidate of an unassigned task may assign it; others 403; a completed task or one of a suspended instance 409. Answers the task.',
  })
  @ApiBody({ type: ApsAssignTaskDto })
  @ApiOkResponse({ type: ApsTaskResponse })
  @ApiApsErrors(400, 403, 404, 409)
  async assign(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsAssignTaskDto): Promise<ApsTask> {
    const id = bodyId(body.assignee, 'assignee');
    let assignee: { id: string } | { email: string };
    if (id !== undefined) assignee = { id };
    else if (body.email !== undefined) assignee = { email: body.email };
    else throw DomainError.validation('REQUEST.VALIDATION', 'assignee is required', { field: 'assignee' });
    return toApsTask(await this.assignTask.execute({ actor, taskId, assignee }));
  }

  @Put(':taskId/action/delegate')
  @ApiOperation({
    summary: 'Delegate a task',
    description:
      'The assignee (or owner, or an admin) passes the task to `userId`; the previous assignee becomes the owner (a re-delegation keeps ' +
      'the first owner) and the delegation is pending until resolved. An unassigned or completed task, or one of a suspended instance: 409.',
  })
  @ApiBody({ type: ApsTaskUserDto })
  @ApiOkResponse({ description: 'Empty body; the task is delegated.' })
  @ApiApsErrors(400, 403, 404, 409)
  async delegate(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsTaskUserDto): Promise<void> {
    const ref = userRef(body, false) as { id: string };
    await this.delegateTask.execute({ actor, taskId, userId: ref.id });
  }

  @Put(':taskId/action/resolve')
  @ApiNoRequestBody()
  @ApiOperation({
    summary: 'Resolve a task',
    description:
      'The delegate (or an admin) gives a delegated task back to its owner; the delegation is resolved. No pending delegation, or a ' +
      'suspended instance: 409.',
  })
  @ApiOkResponse({ description: 'Empty body; the task is back with its owner.' })
  @ApiApsErrors(400, 403, 404, 409)
  async resolve(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<void> {
    await this.resolveTask.execute({ actor, taskId });
  }

  @Put(':taskId/action/involve')
  @ApiOperation({
    summary: 'Involve a user with a task',
    description:
      '`userId` (or `email`) of a user of the tenant gets a participant link on the open task (and on its process instance, as ' +
      'Activiti does): they see it from then on. Anyone who sees the task; involving someone twice changes nothing. A completed task ' +
      'or one of a suspended instance: 409.',
  })
  @ApiBody({ type: ApsTaskUserDto })
  @ApiOkResponse({ description: 'Empty body; the user is involved.' })
  @ApiApsErrors(400, 403, 404, 409)
  async involve(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsTaskUserDto): Promise<void> {
    await this.involveUser.execute({ actor, taskId, user: userRef(body, true) });
  }

  @Put(':taskId/action/remove-involved')
  @ApiOperation({
    summary: 'Remove an involved user from a task',
    description: 'Removes the participant link of `userId` (or `email`) from the open task; a user who was not involved changes nothing.',
  })
  @ApiBody({ type: ApsTaskUserDto })
  @ApiOkResponse({ description: 'Empty body; the user is no longer involved.' })
  @ApiApsErrors(400, 403, 404, 409)
  async removeInvolved(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string, @Body() body: ApsTaskUserDto): Promise<void> {
    await this.removeInvolvedUser.execute({ actor, taskId, user: userRef(body, true) });
  }

  @Get(':taskId/audit')
  @ApiOperation({
    summary: 'Task audit info as JSON',
    description:
      'seed 004\'s task audit: times as Java writes them (in UTC), `assignee` as a full name, `formData` and `selectedOutcome` of the ' +
      'form the task was completed with (empty and null otherwise), `comments` as {author, message}.',
  })
  @ApiOkResponse({ type: ApsTaskAuditResponse })
  @ApiApsErrors(400, 403, 404)
  async audit(@CurrentPrincipal() actor: Principal, @Param('taskId', TASK_ID) taskId: string): Promise<TaskAudit> {
    return this.taskAudit.execute({ actor, taskId });
  }
}
