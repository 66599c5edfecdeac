import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens are stateless JWTs; a client's deletion or secret rotation must still end them.
 * Bearer checks accept a token only while its client exists and the token was issued no earlier
 * than the client's `tokens_not_before` (its creation, moved by each secret rotation). Existing
 * clients start from their creation time, so upgrading signs nobody out.
 */
export class OauthClientTokenCutoff1763800001000 implements MigrationInterface {
  name = 'OauthClientTokenCutoff1763800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity.oauth_clients ADD COLUMN tokens_not_before timestamptz`);
    await q.query(`UPDATE identity.oauth_clients SET tokens_not_before = created_at`);
    await q.query(`ALTER TABLE identity.oauth_clients ALTER COLUMN tokens_not_before SET NOT NULL, ALTER COLUMN tokens_not_before SET DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity.oauth_clients DROP COLUMN tokens_not_before`);
  }
}
