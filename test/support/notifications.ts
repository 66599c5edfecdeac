import { randomUUID } from 'node:crypto';
import { DatabaseNotifications } from '../../libs/platform/database/database-notifications.js';
import type { TestApp } from './app.js';
import { sql } from './db.js';
import { waitFor } from './wait-for.js';

/**
 * Waits until the app's LISTEN connection has delivered every notification sent so far on
 * `channels`: commits a marker on each and waits for the markers (notifications arrive in commit
 * order). Caches emptied by NOTIFY are then quiet: no clear from an earlier write lands later.
 */
export async function notificationsSettled(t: TestApp, channels: readonly string[]): Promise<void> {
  const notifications = t.app.get(DatabaseNotifications, { strict: false });
  const token = randomUUID();
  const seen = new Set<string>();
  for (const channel of channels) {
    await notifications.listen(channel, { onNotify: (payload) => payload === token && seen.add(channel), onReset: () => undefined });
  }
  await sql(t, `SELECT pg_notify(c, $1) FROM unnest($2::text[]) AS c`, [token, channels]);
  await waitFor(`notifications on ${channels.join(', ')}`, () => channels.every((c) => seen.has(c)));
}
