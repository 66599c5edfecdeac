import { Module } from '@nestjs/common';

/** The forms context (design.md §1). Empty until its issue lands. */
@Module({})
export class FormsModule {}
