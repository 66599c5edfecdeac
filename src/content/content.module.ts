import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { ContentAccessRules } from './application/content-access.js';
import { DeleteContent } from './application/delete-content.use-case.js';
import { GenerateRenditions } from './application/generate-renditions.handler.js';
import { GetContent } from './application/get-content.query.js';
import { ReadContentBytes, ReadThumbnail } from './application/read-content-bytes.query.js';
import { SweepOrphanContent } from './application/sweep-orphan-content.js';
import { UploadContent } from './application/upload-content.use-case.js';
import { ContentApi } from './content.api.js';
import { ContentController } from './http/aps/content.controller.js';
import { contentStoreProvider } from './infrastructure/content-store.provider.js';
import { ContentRepository } from './infrastructure/content.repository.js';

/** The content context (design.md §1): content items, their bytes and renditions, pictures and logos. */
@Module({
  imports: [IdentityModule],
  controllers: [ContentController],
  providers: [
    ContentApi,
    ContentRepository,
    contentStoreProvider,
    ContentAccessRules,
    UploadContent,
    GetContent,
    DeleteContent,
    ReadContentBytes,
    ReadThumbnail,
    GenerateRenditions,
    SweepOrphanContent,
  ],
  exports: [ContentApi],
})
export class ContentModule {}
