import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The predefined administrator role is shared by every tenant, so it must not carry the
 * tenant-manager capability (which crosses tenants). The bootstrap administrator keeps it as a
 * direct authority.
 */
export class AdminRoleNotTenantManager1763800000600 implements MigrationInterface {
  name = 'AdminRoleNotTenantManager1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM identity.role_permissions
        WHERE role_id = 2 AND permission_id = (SELECT id FROM identity.permissions WHERE code = 'tenant-mgmt')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO identity.role_permissions (role_id, permission_id)
       SELECT 2, id FROM identity.permissions WHERE code = 'tenant-mgmt' ON CONFLICT DO NOTHING`,
    );
  }
}
