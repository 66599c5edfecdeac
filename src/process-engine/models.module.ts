import { Module } from '@nestjs/common';
import { GetAppDefinition } from './application/apps/app-definition.query.js';
import { DeployApps } from './application/apps/deploy-apps.use-case.js';
import { GetRuntimeApp, ListRuntimeApps } from './application/apps/list-runtime-apps.query.js';
import { PublishApp } from './application/apps/publish-app.use-case.js';
import { SaveAppDefinition } from './application/apps/save-app-definition.use-case.js';
import { GetFilter, ListFilters } from './application/filters/filter-queries.query.js';
import { ReorderFilters } from './application/filters/reorder-filters.use-case.js';
import { CreateFilter, DeleteFilter, UpdateFilter } from './application/filters/save-filter.use-case.js';
import { CloneModel } from './application/models/clone-model.use-case.js';
import { CreateModel } from './application/models/create-model.use-case.js';
import { DeleteModel } from './application/models/delete-model.use-case.js';
import { FormModels } from './application/models/form-models.js';
import { ExportModelBpmn } from './application/models/export-model-bpmn.query.js';
import { GetModel } from './application/models/get-model.query.js';
import { ImportProcessModel } from './application/models/import-process-model.use-case.js';
import { ListModels } from './application/models/list-models.query.js';
import { GetModelHistory, ListModelHistory } from './application/models/model-history.query.js';
import { ModelViews } from './application/models/model.view.js';
import { UpdateModel } from './application/models/update-model.use-case.js';
import { EngineCoreModule } from './engine-core.module.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { ApsAppDefinitionsController } from './http/aps/app-definitions.controller.js';
import { ApsProcessFiltersController, ApsTaskFiltersController } from './http/aps/filters.controller.js';
import { ApsModelsController } from './http/aps/models.controller.js';
import { ApsProcessModelsController } from './http/aps/process-models.controller.js';
import { ApsRuntimeAppDefinitionsController } from './http/aps/runtime-app-definitions.controller.js';
import { AppRepository } from './infrastructure/app.repository.js';
import { FilterRepository } from './infrastructure/filter.repository.js';
import { ModelRepository } from './infrastructure/model.repository.js';

/** aps models (BPMN export and import), app definitions and the user's filters. Deploying an app goes through engine-core's DeployProcess. */
@Module({
  imports: [EngineSharedModule, EngineCoreModule],
  controllers: [
    ApsModelsController,
    ApsProcessModelsController,
    ApsAppDefinitionsController,
    ApsRuntimeAppDefinitionsController,
    ApsTaskFiltersController,
    ApsProcessFiltersController,
  ],
  providers: [
    ModelRepository,
    AppRepository,
    FilterRepository,
    ModelViews,
    FormModels,
    ListModels,
    GetModel,
    CreateModel,
    UpdateModel,
    DeleteModel,
    CloneModel,
    ListModelHistory,
    GetModelHistory,
    ExportModelBpmn,
    ImportProcessModel,
    PublishApp,
    GetAppDefinition,
    SaveAppDefinition,
    DeployApps,
    ListRuntimeApps,
    GetRuntimeApp,
    ListFilters,
    GetFilter,
    CreateFilter,
    UpdateFilter,
    DeleteFilter,
    ReorderFilters,
  ],
  exports: [],
})
export class EngineModelsModule {}
