import { Injectable } from '@nestjs/common';
import { Permission } from '../../domain/permissions.js';
import { type Principal, requirePermission } from '../../domain/principal.js';
import { SigningKeys } from './signing-keys.js';

/** Replaces the JWT signing key now (e.g. after a suspected leak); tokens of the old key stay valid until they expire. */
@Injectable()
export class RotateSigningKey {
  constructor(private readonly keys: SigningKeys) {}

  async execute(input: { principal: Principal }): Promise<{ kid: string; createdAt: Date }> {
    requirePermission(input.principal, Permission.SystemAdmin);
    const row = await this.keys.rotate(true);
    return { kid: row.kid, createdAt: row.createdAt };
  }
}
