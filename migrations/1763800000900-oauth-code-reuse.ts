import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * RFC 6749 §4.1.2: when an authorization code is used twice, the tokens issued from it are revoked.
 * A code records what its exchange produced (the refresh-token family, the access token), and each
 * refresh token the access token issued with it, so that every access token descended from the code
 * can go on the denylist until it expires.
 */
export class OauthCodeReuse1763800000900 implements MigrationInterface {
  name = 'OauthCodeReuse1763800000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE identity.oauth_authorization_codes
        ADD COLUMN issued_family_id         uuid,
        ADD COLUMN issued_access_jti        varchar(64),
        ADD COLUMN issued_access_expires_at timestamptz,
        ADD CONSTRAINT oauth_codes_issued_access CHECK ((issued_access_jti IS NULL) = (issued_access_expires_at IS NULL))`);
    await q.query(`
      ALTER TABLE identity.oauth_refresh_tokens
        ADD COLUMN access_jti        varchar(64),
        ADD COLUMN access_expires_at timestamptz,
        ADD CONSTRAINT oauth_refresh_access CHECK ((access_jti IS NULL) = (access_expires_at IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE identity.oauth_refresh_tokens
        DROP CONSTRAINT oauth_refresh_access, DROP COLUMN access_expires_at, DROP COLUMN access_jti`);
    await q.query(`
      ALTER TABLE identity.oauth_authorization_codes
        DROP CONSTRAINT oauth_codes_issued_access, DROP COLUMN issued_access_expires_at, DROP COLUMN issued_access_jti, DROP COLUMN issued_family_id`);
  }
}
