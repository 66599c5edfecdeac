import { Module } from '@nestjs/common';
import { ContentApi } from './content.api.js';

/** The content context (design.md §1): content items, their bytes and renditions, pictures and logos. */
@Module({
  providers: [ContentApi],
  exports: [ContentApi],
})
export class ContentModule {}
