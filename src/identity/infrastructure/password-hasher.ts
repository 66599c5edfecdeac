import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { Counter } from 'prom-client';
import { metricsRegistry } from '../../../libs/platform/observability/metrics.js';

const verifications = new Counter({
  name: 'meridian_password_verifications_total',
  help: 'argon2id password verifications (Basic credentials are cached, so this grows with logins, not requests)',
  registers: [metricsRegistry],
});

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), as OWASP recommends. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    verifications.inc();
    if (!hash) return false;
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
