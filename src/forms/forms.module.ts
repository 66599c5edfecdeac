import { Module } from '@nestjs/common';
import { DataTablesModule } from './data-tables.module.js';
import { FormsApi } from './forms.api.js';

/** The forms context (design.md §1): form definitions, rendering, validation, drafts and data tables. */
@Module({
  imports: [DataTablesModule],
  providers: [FormsApi],
  exports: [FormsApi],
})
export class FormsModule {}
