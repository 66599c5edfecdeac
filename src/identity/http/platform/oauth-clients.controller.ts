import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApsPagingQueryDto } from '../../../../libs/dialects/aps-paging-query.dto.js';
import { apsOffset, apsPage } from '../../../../libs/dialects/aps-paging.js';
import { ApiNoRequestBody } from '../../../../libs/dialects/openapi.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { apsDate } from '../../../../libs/dialects/dates.js';
import { parseNumericId, tryParseNumericId } from '../../../../libs/dialects/ids.js';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { CreateOAuthClient } from '../../application/oauth/create-oauth-client.use-case.js';
import { DeleteOAuthClient } from '../../application/oauth/delete-oauth-client.use-case.js';
import { GetOAuthClient } from '../../application/oauth/get-oauth-client.query.js';
import { ListOAuthClients } from '../../application/oauth/list-oauth-clients.query.js';
import type { OAuthClientView } from '../../application/oauth/oauth-client-view.js';
import { RotateOAuthClientSecret } from '../../application/oauth/rotate-oauth-client-secret.use-case.js';
import { UpdateOAuthClient } from '../../application/oauth/update-oauth-client.use-case.js';
import type { Principal } from '../../domain/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import {
  CreateOAuthClientDto,
  OAuthClientPageResponse,
  OAuthClientResponse,
  OAuthClientWithSecretResponse,
  UpdateOAuthClientDto,
} from './oauth-client.dto.js';

function toResponse(view: OAuthClientView): OAuthClientResponse {
  return {
    id: Number(view.id),
    tenantId: Number(view.tenantId),
    clientId: view.clientId,
    name: view.name,
    redirectUris: [...view.redirectUris],
    grants: [...view.grants],
    confidential: view.confidential,
    scopes: [...view.scopes],
    serviceUserId: view.serviceUserId === null ? null : Number(view.serviceUserId),
    created: apsDate(view.createdAt)!,
    lastUpdated: apsDate(view.updatedAt)!,
  };
}

function clientId(raw: string): string {
  const id = tryParseNumericId(raw);
  if (!id) throw DomainError.notFound('IDENTITY.OAUTH_CLIENT_NOT_FOUND', `OAuth client ${raw} does not exist`);
  return id;
}

function serviceUser(value: number | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : parseNumericId(value, 'serviceUserId');
}

/** Platform extension (aps conventions): the tenant's OAuth2 clients. Needs the tenant-admin capability. */
@ApiTags('oauth-clients')
@ApiApsErrors(401, 403)
@Controller('api/platform/oauth-clients')
export class OAuthClientsController {
  constructor(
    private readonly list: ListOAuthClients,
    private readonly get: GetOAuthClient,
    private readonly create: CreateOAuthClient,
    private readonly update: UpdateOAuthClient,
    private readonly remove: DeleteOAuthClient,
    private readonly rotateSecret: RotateOAuthClientSecret,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List OAuth2 clients (paged: start/page, size)' })
  @ApiOkResponse({ type: OAuthClientPageResponse })
  @ApiApsErrors(400)
  async listClients(@CurrentPrincipal() principal: Principal, @Query() query: ApsPagingQueryDto): Promise<OAuthClientPageResponse> {
    const { offset, limit } = apsOffset(query);
    const page = await this.list.execute({ principal, start: offset, size: limit });
    return apsPage(offset, page.total, page.clients.map(toResponse));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an OAuth2 client' })
  @ApiOkResponse({ type: OAuthClientResponse })
  @ApiApsErrors(404)
  async getClient(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<OAuthClientResponse> {
    return toResponse(await this.get.execute({ principal, id: clientId(id) }));
  }

  @Post()
  @ApiOperation({ summary: 'Register an OAuth2 client; the response carries its secret, shown only this once' })
  @ApiBody({ type: CreateOAuthClientDto })
  @ApiCreatedResponse({ type: OAuthClientWithSecretResponse })
  @ApiApsErrors(400, 409)
  async createClient(@CurrentPrincipal() principal: Principal, @Body() dto: CreateOAuthClientDto): Promise<OAuthClientWithSecretResponse> {
    const created = await this.create.execute({
      principal,
      name: dto.name,
      clientId: dto.clientId,
      redirectUris: dto.redirectUris,
      grants: dto.grants,
      confidential: dto.confidential ?? true,
      scopes: dto.scopes,
      serviceUserId: serviceUser(dto.serviceUserId),
    });
    return { ...toResponse(created.client), clientSecret: created.clientSecret };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update name, redirect URIs, grants or service user of an OAuth2 client' })
  @ApiBody({ type: UpdateOAuthClientDto })
  @ApiOkResponse({ type: OAuthClientResponse })
  @ApiApsErrors(400, 404)
  async updateClient(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: UpdateOAuthClientDto): Promise<OAuthClientResponse> {
    return toResponse(
      await this.update.execute({
        principal,
        id: clientId(id),
        name: dto.name,
        redirectUris: dto.redirectUris,
        grants: dto.grants,
        serviceUserId: serviceUser(dto.serviceUserId),
      }),
    );
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Delete an OAuth2 client with its authorization codes and refresh tokens',
    description: 'Its access tokens stop working at once (401), also if a client with the same clientId is created later.',
  })
  @ApiOkResponse({ description: 'Empty body; the client is deleted.' })
  @ApiApsErrors(404)
  async deleteClient(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.remove.execute({ principal, id: clientId(id) });
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the secret of a confidential client; the new secret is shown only this once',
    description:
      'Takes no request body. The old secret stops working, and so do the access tokens issued before the rotation (401; ' +
      'JWT times have whole seconds, so a token issued in the very second of the rotation may survive). ' +
      'Refresh tokens stay valid: they need the new secret.',
  })
  @ApiNoRequestBody()
  @ApiOkResponse({ type: OAuthClientWithSecretResponse })
  @ApiApsErrors(400, 404)
  async rotateClientSecret(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<OAuthClientWithSecretResponse> {
    const rotated = await this.rotateSecret.execute({ principal, id: clientId(id) });
    return { ...toResponse(rotated.client), clientSecret: rotated.clientSecret };
  }
}
