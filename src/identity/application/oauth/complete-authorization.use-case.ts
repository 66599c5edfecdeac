import { Injectable } from '@nestjs/common';
import OAuth2Server from '@node-oauth/oauth2-server';
import { DomainError } from '../../../../libs/kernel/domain-error.js';
import { Transactional } from '../../../../libs/platform/transaction/unit-of-work.js';
import { formTokensMatch } from '../../domain/oauth/oauth-rules.js';
import { AuthenticateUser } from '../authenticate-user.use-case.js';
import { type OAuthUser, OAuthModelFactory } from './oauth-model.js';
import { type AuthorizationOutcome, type AuthorizeParams, errorRedirect, PrepareAuthorization } from './prepare-authorization.query.js';

export interface CompleteAuthorizationInput {
  readonly params: AuthorizeParams;
  readonly login: string;
  readonly password: string;
  readonly address: string;
  /** The double-submit token against login CSRF: from the cookie set with the form, and as posted. */
  readonly formToken: { readonly cookie: string | undefined; readonly submitted: string | undefined };
}

const FORM_TOKEN_ERROR = 'This sign-in form has expired or was not sent by Meridian. Please sign in again.';

/**
 * The login form was posted: check that it is the form this server rendered (double-submit token,
 * against login CSRF), then the credentials (with the login throttle), then let the library issue
 * the authorization code and build the redirect with `code` and `state`.
 */
@Injectable()
export class CompleteAuthorization {
  constructor(
    private readonly prepare: PrepareAuthorization,
    private readonly authenticateUser: AuthenticateUser,
    private readonly models: OAuthModelFactory,
  ) {}

  @Transactional()
  async execute(input: CompleteAuthorizationInput): Promise<AuthorizationOutcome> {
    const checked = await this.prepare.execute(input.params);
    const genuine = formTokensMatch(input.formToken.cookie, input.formToken.submitted);
    if (checked.kind !== 'valid') {
      // A forged post never leads anywhere, not even to the client's redirect URI with an error.
      if (genuine || checked.kind === 'error-page') return checked;
      return { kind: 'error-page', status: 400, message: FORM_TOKEN_ERROR };
    }
    const form = { kind: 'form' as const, clientName: checked.client.name, params: checked.params };
    // Checked before the password: a forged post learns nothing and counts for no throttle.
    if (!genuine) return { ...form, status: 400, error: FORM_TOKEN_ERROR };

    let user: OAuthUser;
    try {
      const principal = await this.authenticateUser.execute({ login: input.login, password: input.password, address: input.address });
      user = { id: principal.userId, tenantId: principal.tenantId, username: principal.username };
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'unauthenticated') return { ...form, status: 401, error: 'Invalid username or password.' };
      if (e instanceof DomainError && e.kind === 'too_many_requests') {
        return { ...form, status: 429, error: 'Too many failed sign-in attempts. Try again later.', retryAfterSeconds: e.details.retryAfterSeconds };
      }
      throw e;
    }
    if (user.tenantId !== checked.client.tenantId) {
      return errorRedirect(checked.redirectUri, 'access_denied', 'The user does not belong to the tenant of this client', checked.params.state);
    }

    const server = this.models.server({ address: input.address, purpose: 'authorize' });
    const request = new OAuth2Server.Request({ method: 'POST', headers: {}, query: {}, body: { ...checked.params } });
    const response = new OAuth2Server.Response({ headers: {} });
    try {
      await server.authorize(request, response, { authenticateHandler: { handle: () => user } });
    } catch (e) {
      if (!(e instanceof OAuth2Server.OAuthError)) throw e;
      if (e instanceof OAuth2Server.ServerError) throw (e as { inner?: unknown }).inner ?? e;
      const location = response.get('location') as string | undefined;
      return location ? { kind: 'redirect', location } : { kind: 'error-page', status: 400, message: e.message };
    }
    return { kind: 'redirect', location: response.get('location') as string };
  }
}
