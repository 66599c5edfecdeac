import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBasicAuth, ApiOAuth2, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiQuestetraErrors } from '../../../../libs/dialects/openapi-errors.js';
import { QuestetraParams } from '../../../../libs/dialects/questetra-params.decorator.js';
import { integerParam, isBlank, textParam } from '../../../../libs/dialects/questetra-params.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CreateUser } from '../../application/users/create-user.use-case.js';
import { FindUser } from '../../application/users/find-user.query.js';
import { GetUser } from '../../application/users/get-user.query.js';
import { ListUsers } from '../../application/users/list-users.query.js';
import { IdentityErrors } from '../../domain/identity.errors.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { QuestetraGetParams, QuestetraPostParams } from '../../../../libs/dialects/questetra-endpoint.decorator.js';
import {
  AddQuserParams,
  FindQuserParams,
  ListQusersParams,
  QuserListResponseDto,
  QuserResponseDto,
  toQuserEntry,
} from './quser.dto.js';

/** Quser/self takes no parameters; any that are sent are named in a Validation error. */
class NoParams {}

const LIST_PARAMS = [
  { name: 'query', description: 'Case-insensitive substring of the user name or e-mail address.' },
  { name: 'start', description: 'Zero-based offset, default 0.' },
  { name: 'limit', description: 'Page size 0..1000, default 1.' },
  { name: 'qgroupId', description: 'Organization id: only its direct members. Combinable with query.' },
];
const FIND_PARAMS = [
  { name: 'id', description: 'User id; wins over email.' },
  { name: 'email', description: 'E-mail address.' },
];

const LIST_DESCRIPTION =
  'Users of the caller\'s tenant, sorted by id ascending; any signed-in user may list. `query` matches the name ' +
  '(first and last name joined, or the login name) or the e-mail address, case-insensitively. `start` and `limit` are ' +
  'non-negative integers (digit strings, or numbers in JSON); `limit` defaults to 1 as documented and is at most 1000. ' +
  'Blank parameters count as not given. `count` (the number of matches before paging) is not in the seed document. ' +
  '`qgroupId` keeps the direct members of that organization (a functional group; members of its sub-organizations ' +
  'do not count, as in Questetra, where a user belongs to each organization explicitly); it combines with `query`. ' +
  'A malformed qgroupId answers InvalidQgroupId, an organization the tenant does not have (or a system group, which ' +
  'Questetra would call a role) answers QgroupDoesNotExist, both naming qgroupId.';

const FIND_DESCRIPTION =
  'One user by `id` or by `email` (case-insensitive); when both are given only `id` is used, so a malformed email ' +
  'beside an id is ignored. Neither → Validation; malformed id → InvalidId; malformed email → InvalidEmail; no such ' +
  'user → QuserDoesNotExist, each naming the parameter.';

/**
 * Questetra's User Search API (seed 001) and UGA/Quser/add (seed 000). Every operation takes its
 * parameters from the query string or the body; GET and POST are both served.
 */
@ApiTags('identity')
@ApiBasicAuth('basic')
@ApiOAuth2(['read', 'write'], 'oauth2')
@ApiQuestetraErrors(400, 401)
@Controller('API')
export class QuserController {
  constructor(
    private readonly getUser: GetUser,
    private readonly listUsers: ListUsers,
    private readonly findUser: FindUser,
    private readonly createUser: CreateUser,
  ) {}

  @Get('User/Quser/self')
  @ApiOperation({ summary: 'The calling user (QuserEntry)' })
  @ApiOkResponse({ type: QuserResponseDto })
  async selfGet(@CurrentPrincipal() actor: Principal, @QuestetraParams() _params: NoParams): Promise<QuserResponseDto> {
    return this.self(actor);
  }

  @Post('User/Quser/self')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The calling user (QuserEntry), POST form',
    description: 'Takes no parameters and no request body; a parameter sent anyway answers a Validation error naming it.',
  })
  @ApiNoRequestBody()
  @ApiOkResponse({ type: QuserResponseDto })
  async selfPost(@CurrentPrincipal() actor: Principal, @QuestetraParams() _params: NoParams): Promise<QuserResponseDto> {
    return this.self(actor);
  }

  @Get('User/Quser/list')
  @ApiOperation({ summary: 'List users', description: LIST_DESCRIPTION })
  @QuestetraGetParams(LIST_PARAMS)
  @ApiOkResponse({ type: QuserListResponseDto })
  async listGet(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: ListQusersParams): Promise<QuserListResponseDto> {
    return this.list(actor, params);
  }

  @Post('User/Quser/list')
  @HttpCode(200)
  @ApiOperation({ summary: 'List users, POST form', description: LIST_DESCRIPTION })
  @QuestetraPostParams(ListQusersParams)
  @ApiOkResponse({ type: QuserListResponseDto })
  async listPost(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: ListQusersParams): Promise<QuserListResponseDto> {
    return this.list(actor, params);
  }

  @Get('User/Quser/find')
  @ApiOperation({ summary: 'Find a user by id or e-mail', description: FIND_DESCRIPTION })
  @QuestetraGetParams(FIND_PARAMS)
  @ApiOkResponse({ type: QuserResponseDto })
  async findGet(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: FindQuserParams): Promise<QuserResponseDto> {
    return this.find(actor, params);
  }

  @Post('User/Quser/find')
  @HttpCode(200)
  @ApiOperation({ summary: 'Find a user by id or e-mail, POST form', description: FIND_DESCRIPTION })
  @QuestetraPostParams(FindQuserParams)
  @ApiOkResponse({ type: QuserResponseDto })
  async findPost(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: FindQuserParams): Promise<QuserResponseDto> {
    return this.find(actor, params);
  }

  @Post('UGA/Quser/add')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add a user',
    description:
      'Needs the user-administrator or system-administrator authority (or another user-administration permission ' +
      'of the shared permission model, e.g. ProcessMaker\'s PM_USERS). `name` becomes the first name with an empty ' +
      'last name, so it reads back unchanged; the e-mail address is also the login name (at most 100 characters). ' +
      'The user gets the default Operator role. A taken address (or login name) answers QuserAlreadyExists naming ' +
      'email; a password outside 8..1024 characters answers Validation naming password. Questetra restricts update ' +
      'APIs to its Professional edition; Meridian has no editions.',
  })
  @QuestetraPostParams(AddQuserParams)
  @ApiQuestetraErrors(403)
  @ApiOkResponse({ type: QuserResponseDto })
  async add(@CurrentPrincipal() actor: Principal, @QuestetraParams() params: AddQuserParams): Promise<QuserResponseDto> {
    try {
      const user = await this.createUser.execute({
        actor,
        username: params.email,
        email: params.email,
        firstName: params.name,
        lastName: '',
        password: params.password,
      });
      return { quser: toQuserEntry(user) };
    } catch (e) {
      // The login name was derived from the address: the client only knows the parameter `email`.
      if (e instanceof DomainError && e.code === 'IDENTITY.USERNAME_TAKEN') throw IdentityErrors.emailTaken(params.email);
      throw e;
    }
  }

  private async self(actor: Principal): Promise<QuserResponseDto> {
    const user = await this.getUser.execute({ actor, userId: actor.userId, purpose: 'directory' });
    return { quser: toQuserEntry(user) };
  }

  private async list(actor: Principal, params: ListQusersParams): Promise<QuserListResponseDto> {
    const organizationId = isBlank(params.qgroupId) ? undefined : parseNumericId(params.qgroupId, 'qgroupId');
    const query = textParam(params.query);
    const page = await this.listUsers.execute({
      actor,
      purpose: 'directory',
      text: query === undefined ? undefined : { value: query, fields: ['displayName', 'email'] },
      sort: { field: 'id', direction: 'asc' },
      offset: integerParam(params.start, 0),
      limit: integerParam(params.limit, 1),
      memberOf: organizationId === undefined ? undefined : { organizationId, field: 'qgroupId' },
    });
    return { count: page.total, qusers: page.items.map(toQuserEntry) };
  }

  private async find(actor: Principal, params: FindQuserParams): Promise<QuserResponseDto> {
    const id = isBlank(params.id) ? undefined : parseNumericId(params.id, 'id');
    const user = await this.findUser.execute({ actor, id, email: textParam(params.email) });
    return { quser: toQuserEntry(user) };
  }
}
