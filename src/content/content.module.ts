import { Module } from '@nestjs/common';

/** The content context (design.md §1). Empty until its issue lands. */
@Module({})
export class ContentModule {}
