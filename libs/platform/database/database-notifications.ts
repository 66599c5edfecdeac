import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

export interface NotificationListener {
  /** A notification on the channel arrived (payload as sent). */
  onNotify(payload: string): void;
  /** The connection is down or was re-established: anything cached on the strength of it is suspect. */
  onReset(): void;
}

/**
 * PostgreSQL LISTEN/NOTIFY on one dedicated connection per node. Caches that must follow writes
 * made on other nodes (or by hand in SQL) listen here; while the connection is down, `connected`
 * is false and such caches must not serve, and every listener is reset on each (re)connect.
 */
@Injectable()
export class DatabaseNotifications implements OnModuleDestroy {
  private readonly logger = new Logger('DatabaseNotifications');
  private readonly listeners = new Map<string, NotificationListener[]>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  connected = false;

  constructor(private readonly dataSource: DataSource) {}

  async listen(channel: string, listener: NotificationListener): Promise<void> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid channel name ${channel}`);
    const existing = this.listeners.get(channel);
    if (existing) {
      existing.push(listener);
      return;
    }
    this.listeners.set(channel, [listener]);
    if (this.client && this.connected) {
      await this.client.query(`LISTEN ${channel}`);
      return;
    }
    await this.connect();
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'meridian-listen' });
    client.on('notification', (message) => {
      for (const l of this.listeners.get(message.channel) ?? []) l.onNotify(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.connected = true;
      this.resetAll();
    } catch (e) {
      this.logger.warn(`LISTEN connection failed: ${e instanceof Error ? e.message : String(e)}`);
      await client.end().catch(() => undefined);
      this.scheduleRetry();
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.connected = false;
    this.resetAll();
    if (!this.stopped) {
      this.logger.warn('LISTEN connection lost; reconnecting');
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, 1000);
    this.retryTimer.unref();
  }

  private resetAll(): void {
    for (const list of this.listeners.values()) for (const l of list) l.onReset();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }
}
