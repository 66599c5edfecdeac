import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { apsPage, type ApsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { GetFilter, ListFilters } from '../../application/filters/filter-queries.query.js';
import { ReorderFilters } from '../../application/filters/reorder-filters.use-case.js';
import { CreateFilter, DeleteFilter, UpdateFilter } from '../../application/filters/save-filter.use-case.js';
import type { FilterKind } from '../../infrastructure/filter.repository.js';
import { APS_ENTERPRISE, ApsEngineAuth, ApsIdPipe } from './aps-engine.support.js';
import {
  ApsFilterListQueryDto,
  ApsFilterOrderDto,
  ApsFilterPageResponse,
  ApsFilterResponse,
  ApsProcessFilterBodyDto,
  ApsProcessFilterPutDto,
  ApsTaskFilterBodyDto,
} from './filters.dto.js';
import { type ApsFilter, toApsFilter } from './models.mapper.js';

const PRIVATE = 'Filters are private to their owner: another user\'s filter id answers 404, as an unknown one.';
const idOrNull = (v: number | null | undefined): string | null | undefined => (v === undefined ? undefined : v === null ? null : String(v));

function requireName(name: string | undefined): string {
  if (name === undefined) throw DomainError.validation('ENGINE.INVALID_FILTER', 'name is required', { field: 'name' });
  return name;
}

/**
 * The shared implementation of task and process filters, with the routes that differ only in their wording (list, one, delete);
 * `noun` names the kind in the OpenAPI summaries.
 */
function FiltersControllerBase(kind: FilterKind, noun: string) {
  @Injectable()
  abstract class FiltersController {
    constructor(
      protected readonly listFilters: ListFilters,
      protected readonly getFilter: GetFilter,
      protected readonly createFilter: CreateFilter,
      protected readonly updateFilter: UpdateFilter,
      protected readonly deleteFilter: DeleteFilter,
      protected readonly reorderFilters: ReorderFilters,
    ) {}

    @Get()
    @ApiOperation({
      summary: `The caller's ${noun} filters`,
      description: 'In the caller\'s order (`index`); `appId` limits them to one app. No default filters are created: the list starts empty. Not paged.',
    })
    @ApiOkResponse({ type: ApsFilterPageResponse })
    async list(@CurrentPrincipal() actor: Principal, @Query() q: ApsFilterListQueryDto): Promise<ApsPage<ApsFilter>> {
      const items = (await this.listFilters.execute({ actor, kind, appId: q.appId !== undefined ? String(q.appId) : undefined })).map(toApsFilter);
      return apsPage(0, items.length, items);
    }

    @Get(':userFilterId')
    @ApiOperation({ summary: `A ${noun} filter`, description: PRIVATE })
    @ApiOkResponse({ type: ApsFilterResponse })
    @ApiApsErrors(404)
    async one(@CurrentPrincipal() actor: Principal, @Param('userFilterId', new ApsIdPipe('userFilterId')) id: string): Promise<ApsFilter> {
      return toApsFilter(await this.getFilter.execute({ actor, kind, id }));
    }

    @Delete(':userFilterId')
    @ApiOperation({ summary: `Delete a ${noun} filter`, description: PRIVATE })
    @ApiOkResponse({ description: 'Empty body; the filter is deleted.' })
    @ApiApsErrors(404)
    async remove(@CurrentPrincipal() actor: Principal, @Param('userFilterId', new ApsIdPipe('userFilterId')) id: string): Promise<void> {
      await this.deleteFilter.execute({ actor, kind, id });
    }

    protected async create(actor: Principal, body: ApsTaskFilterBodyDto | ApsProcessFilterBodyDto): Promise<ApsFilter> {
      return toApsFilter(
        await this.createFilter.execute({
          actor,
          kind,
          name: requireName(body.name),
          appId: idOrNull(body.appId),
          icon: body.icon,
          recent: body.recent,
          filter: body.filter,
        }),
      );
    }

    protected async update(actor: Principal, id: string, body: ApsTaskFilterBodyDto | ApsProcessFilterBodyDto): Promise<ApsFilter> {
      return toApsFilter(
        await this.updateFilter.execute({ actor, kind, id, name: body.name, appId: idOrNull(body.appId), icon: body.icon, recent: body.recent, filter: body.filter }),
      );
    }

    protected async reorder(actor: Principal, order: number[], appId: number | null | undefined): Promise<ApsPage<ApsFilter>> {
      const items = (
        await this.reorderFilters.execute({ actor, kind, appId: appId === undefined || appId === null ? null : String(appId), order: order.map(String) })
      ).map(toApsFilter);
      return apsPage(0, items.length, items);
    }
  }
  return FiltersController;
}

/** seed 004 "User Task Filters": the caller's saved task queries. */
@ApiTags('process-engine: filters')
@ApsEngineAuth()
@ApiApsErrors(400)
@Controller(`${APS_ENTERPRISE}/filters/tasks`)
export class ApsTaskFiltersController extends FiltersControllerBase('task', 'task') {
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a task filter',
    description:
      '`name` is required; `filter.sort` ∈ created-desc, created-asc, due-desc, due-asc; `filter.state` ∈ open (or active), completed, all; ' +
      '`filter.assignment` ∈ involved, assignee, candidate, group_{id}; other values are a 400 naming the field (e.g. `filter.sort`) and save nothing. ' +
      'The new filter goes after the caller\'s others of the same app.',
  })
  @ApiOkResponse({ type: ApsFilterResponse })
  createTask(@CurrentPrincipal() actor: Principal, @Body() body: ApsTaskFilterBodyDto): Promise<ApsFilter> {
    return this.create(actor, body);
  }

  @Put()
  @ApiOperation({
    summary: 'Re-order the caller\'s task filters',
    description:
      '`order`: filter ids in the wanted order, each one of the caller\'s task filters of `appId` (absent or null: those without an app) at most once, ' +
      'else 400 naming `order[i]` and nothing changes; filters left out follow in their previous order. Answers the reordered list (Alfresco: empty body).',
  })
  @ApiOkResponse({ type: ApsFilterPageResponse })
  reorderTask(@CurrentPrincipal() actor: Principal, @Body() body: ApsFilterOrderDto): Promise<ApsPage<ApsFilter>> {
    return this.reorder(actor, body.order, body.appId);
  }

  @Put(':userFilterId')
  @ApiOperation({ summary: 'Update a task filter', description: `Sent fields replace the stored ones; \`filter\`, when sent, replaces the whole criteria. Same checks as create. ${PRIVATE}` })
  @ApiOkResponse({ type: ApsFilterResponse })
  @ApiApsErrors(404)
  updateTask(@CurrentPrincipal() actor: Principal, @Param('userFilterId', new ApsIdPipe('userFilterId')) id: string, @Body() body: ApsTaskFilterBodyDto): Promise<ApsFilter> {
    return this.update(actor, id, body);
  }
}

/** seed 004 process instance filters: the caller's saved process instance queries. */
@ApiTags('process-engine: filters')
@ApsEngineAuth()
@ApiApsErrors(400)
@ApiExtraModels(ApsProcessFilterPutDto, ApsFilterResponse, ApsFilterPageResponse)
@Controller(`${APS_ENTERPRISE}/filters/processes`)
export class ApsProcessFiltersController extends FiltersControllerBase('process', 'process instance') {
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a process instance filter',
    description:
      'As the Alfresco JS client creates them (the document writes PUT filters/processes, which works too). `name` is required; ' +
      '`filter.sort` ∈ created-desc, created-asc (ended-desc, ended-asc too); `filter.state` ∈ running, completed, all; other values are a 400 ' +
      'naming the field and save nothing.',
  })
  @ApiOkResponse({ type: ApsFilterResponse })
  createProcess(@CurrentPrincipal() actor: Principal, @Body() body: ApsProcessFilterBodyDto): Promise<ApsFilter> {
    return this.create(actor, body);
  }

  @Put()
  @ApiOperation({
    summary: 'Create a process instance filter (as documented), or re-order the caller\'s process filters',
    description:
      'The document creates a filter with PUT filters/processes, the Alfresco JS client reorders with it: a body with `order` reorders (as PUT ' +
      'filters/tasks; only `appId` may come with it) and answers the reordered list; any other body creates a filter (as POST) and answers it.',
  })
  @ApiBody({ type: ApsProcessFilterPutDto })
  @ApiOkResponse({
    description: 'The created filter, or the reordered list',
    content: { 'application/json': { schema: { oneOf: [{ $ref: getSchemaPath(ApsFilterResponse) }, { $ref: getSchemaPath(ApsFilterPageResponse) }] } } },
  })
  async createOrReorder(@CurrentPrincipal() actor: Principal, @Body() body: ApsProcessFilterPutDto): Promise<ApsFilter | ApsPage<ApsFilter>> {
    if (body.order === undefined) return this.create(actor, body);
    for (const field of ['name', 'icon', 'recent', 'filter'] as const) {
      if (body[field] !== undefined) throw DomainError.validation('ENGINE.INVALID_FILTER', `${field} cannot be sent with order (a reorder)`, { field });
    }
    return this.reorder(actor, body.order, body.appId);
  }

  @Put(':userFilterId')
  @ApiOperation({ summary: 'Update a process instance filter', description: `Sent fields replace the stored ones; \`filter\`, when sent, replaces the whole criteria. ${PRIVATE}` })
  @ApiOkResponse({ type: ApsFilterResponse })
  @ApiApsErrors(404)
  updateProcess(
    @CurrentPrincipal() actor: Principal,
    @Param('userFilterId', new ApsIdPipe('userFilterId')) id: string,
    @Body() body: ApsProcessFilterBodyDto,
  ): Promise<ApsFilter> {
    return this.update(actor, id, body);
  }
}
