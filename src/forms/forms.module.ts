import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { DeleteDeploymentForms } from './application/delete-deployment-forms.use-case.js';
import { DeleteModelForm } from './application/delete-model-form.use-case.js';
import { DraftOf } from './application/draft-of.query.js';
import { DropDraftOnTaskCompleted } from './application/drop-draft-on-task-completed.handler.js';
import { FieldOptionSource, NoFieldOptionSource } from './application/field-option-source.js';
import { FieldOptions } from './application/field-options.query.js';
import { LoadForm } from './application/load-form.query.js';
import { RecordSubmission } from './application/record-submission.use-case.js';
import { RegisterDeploymentForms } from './application/register-deployment-forms.use-case.js';
import { RenderForm } from './application/render-form.query.js';
import { ResolveForm } from './application/resolve-form.query.js';
import { SaveDraft } from './application/save-draft.use-case.js';
import { SaveModelForm } from './application/save-model-form.use-case.js';
import { SubmittedValues } from './application/submitted-values.query.js';
import { ValidateSubmission } from './application/validate-submission.query.js';
import { FormsApi } from './forms.api.js';
import { FormDefinitionCache } from './infrastructure/form-definition.cache.js';
import { FormDefinitionRepository } from './infrastructure/form-definition.repository.js';
import { FormDraftRepository } from './infrastructure/form-draft.repository.js';
import { FormSubmissionRepository } from './infrastructure/form-submission.repository.js';

/** The forms context (design.md §1): form definitions, rendering, validation, drafts and data tables. */
@Module({
  imports: [IdentityModule],
  providers: [
    FormsApi,
    FormDefinitionRepository,
    FormSubmissionRepository,
    FormDraftRepository,
    FormDefinitionCache,
    LoadForm,
    RegisterDeploymentForms,
    DeleteDeploymentForms,
    SaveModelForm,
    DeleteModelForm,
    ResolveForm,
    RenderForm,
    ValidateSubmission,
    RecordSubmission,
    SubmittedValues,
    SaveDraft,
    DraftOf,
    FieldOptions,
    DropDraftOnTaskCompleted,
    // Options of restUrl fields: the data tables of this context bind their source here.
    { provide: FieldOptionSource, useClass: NoFieldOptionSource },
  ],
  exports: [FormsApi],
})
export class FormsModule {}
