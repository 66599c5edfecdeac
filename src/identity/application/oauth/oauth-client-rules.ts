import { DomainError } from '../../../../libs/kernel/domain-error.js';
import type { OAuthGrant } from '../../domain/oauth/oauth-rules.js';
import { OAuthClientRepository } from '../../infrastructure/oauth/oauth-client.repository.js';

/** Rules a client's settings must satisfy together (field formats are checked at the edge). */
export async function assertClientSettings(
  clients: OAuthClientRepository,
  tenantId: string,
  settings: { confidential: boolean; grants: readonly OAuthGrant[]; redirectUris: readonly string[]; serviceUserId: string | null },
): Promise<void> {
  if (!settings.confidential && settings.grants.includes('client_credentials')) {
    throw DomainError.validation('IDENTITY.OAUTH_PUBLIC_CLIENT_CREDENTIALS', 'A public client cannot use the client_credentials grant', {
      field: 'grants',
    });
  }
  if (settings.grants.includes('authorization_code') && settings.redirectUris.length === 0) {
    throw DomainError.validation('IDENTITY.OAUTH_REDIRECT_URI_REQUIRED', 'The authorization_code grant needs at least one redirect URI', {
      field: 'redirectUris',
    });
  }
  if (settings.serviceUserId !== null && !(await clients.userBelongsToTenant(settings.serviceUserId, tenantId))) {
    throw DomainError.validation('IDENTITY.OAUTH_SERVICE_USER_UNKNOWN', 'serviceUserId names no user of this tenant', {
      field: 'serviceUserId',
      value: settings.serviceUserId,
    });
  }
}
