import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiQuestetraErrors } from '../../../../libs/dialects/openapi-errors.js';
import { QuestetraGetParams, QuestetraPostParams } from '../../../../libs/dialects/questetra-endpoint.decorator.js';
import { QuestetraParams } from '../../../../libs/dialects/questetra-params.decorator.js';
import { integerParam, textParam } from '../../../../libs/dialects/questetra-params.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { ListGroups } from '../../application/groups/list-groups.query.js';
import { FindQgroupParams, ListQgroupsParams, QgroupListResponseDto, QgroupResponseDto, toQgroupEntry } from './qgroup.dto.js';
import { keyRequired, optionalId, optionalName, QGROUP_KIND, QuestetraGroupLookup } from './questetra-groups.support.js';

const LIST_PARAMS = [
  { name: 'query', description: 'Case-insensitive substring of the organization name.' },
  { name: 'start', description: 'Zero-based offset, default 0.' },
  { name: 'limit', description: 'Page size 0..1000, default 1.' },
];
const FIND_PARAMS = [
  { name: 'id', description: 'Organization id; wins over name.' },
  { name: 'name', description: 'Organization name (case-insensitive).' },
];

const ORGANIZATIONS =
  'Organizations are Meridian\'s functional groups (nested through their parent; `parentQgroupId` is that parent, null at ' +
  'the top). System groups are Questetra roles (see RoleMembership/list) and are neither listed nor found here. ' +
  'INACTIVE groups are included. Any signed-in user of the tenant may call it. `email` is always null: groups have no ' +
  'e-mail address in Meridian.';

const LIST_DESCRIPTION =
  `${ORGANIZATIONS} Sorted by id ascending. \`query\` matches the name case-insensitively (Questetra also matches the ` +
  'organization\'s e-mail address, which Meridian does not have). `start` and `limit` are non-negative integers (digit ' +
  'strings, or numbers in JSON); `limit` defaults to 1 as documented and is at most 1000. Blank parameters count as not ' +
  'given. `count` (the number of matches before paging) is not in the seed document.';

const FIND_DESCRIPTION =
  `${ORGANIZATIONS} One organization by \`id\` or by \`name\` (case-insensitive, whole name); when both are given only ` +
  '`id` is used, so a malformed name beside an id is ignored (the seed\'s "with this email address" for `name` is a copy ' +
  'error). Neither → Validation naming id; malformed id → InvalidId; a name that is not text or longer than 255 ' +
  'characters → InvalidName; no such organization → QgroupDoesNotExist, each naming the parameter.';

/** Questetra's organization search (seed 001): Qgroup/list and Qgroup/find, GET and POST alike. */
@ApiTags('org-structure')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiQuestetraErrors(400, 401)
@Controller('API/User/Qgroup')
export class QgroupController {
  constructor(
    private readonly listGroups: ListGroups,
    private readonly lookup: QuestetraGroupLookup,
  ) {}

  @Get('list')
  @ApiOperation({ summary: 'List organizations', description: LIST_DESCRIPTION })
  @QuestetraGetParams(LIST_PARAMS)
  @ApiOkResponse({ type: QgroupListResponseDto })
  async listGet(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: ListQgroupsParams): Promise<QgroupListResponseDto> {
    return this.list(actor, params);
  }

  @Post('list')
  @HttpCode(200)
  @ApiOperation({ summary: 'List organizations, POST form', description: LIST_DESCRIPTION })
  @QuestetraPostParams(ListQgroupsParams)
  @ApiOkResponse({ type: QgroupListResponseDto })
  async listPost(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: ListQgroupsParams): Promise<QgroupListResponseDto> {
    return this.list(actor, params);
  }

  @Get('find')
  @ApiOperation({ summary: 'Find an organization by id or name', description: FIND_DESCRIPTION })
  @QuestetraGetParams(FIND_PARAMS)
  @ApiOkResponse({ type: QgroupResponseDto })
  async findGet(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: FindQgroupParams): Promise<QgroupResponseDto> {
    return this.find(actor, params);
  }

  @Post('find')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find an organization by id or name, POST form', description: FIND_DESCRIPTION })
  @QuestetraPostParams(FindQgroupParams)
  @ApiOkResponse({ type: QgroupResponseDto })
  async findPost(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: FindQgroupParams): Promise<QgroupResponseDto> {
    return this.find(actor, params);
  }

  private async list(actor: Principal, params: ListQgroupsParams): Promise<QgroupListResponseDto> {
    const page = await this.listGroups.execute({
      actor,
      access: 'member',
      kind: QGROUP_KIND,
      title: textParam(params.query),
      sort: { field: 'id', direction: 'asc' },
      offset: integerParam(params.start, 0),
      limit: integerParam(params.limit, 1),
    });
    return { count: page.total, qgroups: page.items.map(toQgroupEntry) };
  }

  private async find(actor: Principal, params: FindQgroupParams): Promise<QgroupResponseDto> {
    const id = optionalId(params.id, 'id');
    if (id !== undefined) return { qgroup: toQgroupEntry(await this.lookup.byId(actor, id, QGROUP_KIND, 'id')) };
    const name = optionalName(params.name, 'name');
    if (name === undefined) throw keyRequired(['id', 'name']);
    return { qgroup: toQgroupEntry(await this.lookup.byName(actor, name, QGROUP_KIND, 'name')) };
  }
}
