import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../../libs/kernel/domain-error.js';

const WINDOW_SECONDS = 5 * 60;

/**
 * design.md §8: more than 10 failed logins for one account within 5 minutes, or 100 from one
 * address, answer 429 with Retry-After. Counters live in this node's memory (rate-limiter-flexible);
 * a cluster behind a load balancer should pin by address or move them to a shared store.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount = new RateLimiterMemory({ points: 10, duration: WINDOW_SECONDS, keyPrefix: 'acct' });
  private readonly perAddress = new RateLimiterMemory({ points: 100, duration: WINDOW_SECONDS, keyPrefix: 'addr' });

  async assertAllowed(login: string, address: string): Promise<void> {
    const [account, addr] = await Promise.all([
      this.perAccount.get(login.toLowerCase()),
      this.perAddress.get(address),
    ]);
    const blocked: RateLimiterRes[] = [];
    if (account && account.consumedPoints >= this.perAccount.points) blocked.push(account);
    if (addr && addr.consumedPoints >= this.perAddress.points) blocked.push(addr);
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000));
      throw new DomainError('too_many_requests', 'IDENTITY.LOGIN_THROTTLED', 'Too many failed login attempts; try again later', {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(login: string, address: string): Promise<void> {
    await Promise.all([
      this.perAccount.consume(login.toLowerCase()).catch(() => undefined),
      this.perAddress.consume(address).catch(() => undefined),
    ]);
  }

  async recordSuccess(login: string): Promise<void> {
    await this.perAccount.delete(login.toLowerCase());
  }
}
