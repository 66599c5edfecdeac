import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { CONTENT_STORE, type ContentStore } from '../domain/content-store.js';
import { LocalContentStore } from './local-content.store.js';
import { S3ContentStore } from './s3-content.store.js';

/** The store CONTENT_STORE names: files under DATA_DIR (default) or an S3 bucket. */
export const contentStoreProvider: Provider = {
  provide: CONTENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): ContentStore =>
    config.contentStore.kind === 's3' ? new S3ContentStore(config.contentStore) : new LocalContentStore(config.dataDir),
};

/** Where the bytes of content items live in the store: `content/<tenant>/<yyyy>/<mm>/<uuid>`. The orphan sweeper walks this prefix only. */
export const CONTENT_KEY_PREFIX = 'content/';

export function contentKey(tenantId: string, at: Date, uuid: string): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${CONTENT_KEY_PREFIX}${tenantId}/${at.getUTCFullYear()}/${month}/${uuid}`;
}

/** The thumbnail of the object under `key`. */
export function thumbnailKey(key: string): string {
  return `${key}.thumbnail.png`;
}
