import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Transactional, UnitOfWork } from '../../../libs/platform/transaction/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PREDEFINED_ROLE } from '../domain/permissions.js';
import { PasswordHasher } from '../infrastructure/password-hasher.js';

export interface BootstrapResult {
  readonly created: boolean;
}

/** Anything else that must exist on an empty database (the OAuth2 bootstrap client) hooks in here. */
export interface BootstrapStep {
  run(): Promise<void>;
}

/**
 * design.md §7: on an empty database create the tenant `workflow` (id 1) and its administrator
 * `admin` (id 1, admin@example.com, tenant admin and tenant manager). Without ADMIN_PASSWORD a
 * random password is generated and printed once. An advisory lock makes concurrent starts safe.
 */
@Injectable()
export class BootstrapPlatform {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Transactional()
  async execute(): Promise<BootstrapResult> {
    const tx = this.uow.manager;
    await tx.query(`SELECT pg_advisory_xact_lock(7413400002)`);
    const existing = (await tx.query(`SELECT 1 FROM identity.tenants WHERE id = 1`)) as unknown[];
    if (existing.length > 0) return { created: false };

    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const hash = await this.hasher.hash(password);
    await tx.query(`INSERT INTO identity.tenants (id, key, name) VALUES (1, 'workflow', 'workflow')`);
    await tx.query(
      `INSERT INTO identity.users (id, tenant_id, username, email, first_name, last_name, password_hash, status, role_id)
       VALUES (1, 1, 'admin', 'admin@example.com', 'Administrator', '', $1, 'active', $2)`,
      [hash, PREDEFINED_ROLE.admin],
    );
    await tx.query(
      `INSERT INTO identity.user_authorities (user_id, permission_id)
       SELECT 1, id FROM identity.permissions WHERE code IN ('tenant-admin', 'tenant-mgmt', 'system-admin')`,
    );
    if (this.config.adminPassword === undefined) {
      // Printed once, on the console rather than through the redacting logger, so the operator can sign in.
      process.stdout.write(`\nMeridian: created user "admin" with the generated password: ${password}\n\n`);
    }
    this.logger.log('Created tenant "workflow" and user "admin"');
    return { created: true };
  }
}
