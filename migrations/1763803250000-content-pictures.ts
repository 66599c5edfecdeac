import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pictures and logos (seed 004 profile-picture, users/{userId}/picture, admin/tenants/{id}/logo;
 * seed 003 user/{usr_uid}/image-upload): content items owned by nobody, referenced from here by
 * their owner, a user or a tenant. One current picture per owner; replacing it deletes the old
 * item. The reference goes when its content item goes.
 */
export class ContentPictures1763803250000 implements MigrationInterface {
  name = 'ContentPictures1763803250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content.pictures (
        tenant_id   bigint       NOT NULL,
        owner_kind  varchar(8)   NOT NULL CHECK (owner_kind IN ('user', 'tenant')),
        owner_id    bigint       NOT NULL,
        content_id  bigint       NOT NULL REFERENCES content.content_items (id) ON DELETE CASCADE,
        updated_at  timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, owner_kind, owner_id),
        -- A tenant's logo belongs to that tenant.
        CONSTRAINT pictures_tenant_owner CHECK (owner_kind <> 'tenant' OR owner_id = tenant_id),
        CONSTRAINT pictures_content_key UNIQUE (content_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS content.pictures`);
  }
}
