import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialectExceptionFilter } from '../libs/dialects/dialect-exception.filter.js';
import { dataSourceOptions } from '../libs/platform/database/data-source-options.js';
import { HealthController } from '../libs/platform/observability/health.controller.js';
import { HttpMetricsMiddleware } from '../libs/platform/observability/metrics.js';
import { PlatformModule } from '../libs/platform/platform.module.js';
import { migrations } from '../migrations/index.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { ContentModule } from './content/index.js';
import { FormsModule } from './forms/index.js';
import { IdentityModule } from './identity/index.js';
import { OrgStructureModule } from './org-structure/index.js';
import { ProcessEngineModule } from './process-engine/index.js';

@Module({})
class ConfigHolderModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ConfigHolderModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

/** Wires the five contexts and the platform pieces (design.md §1). */
@Module({})
export class AppModule implements NestModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.register(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: databaseUrl, migrations }),
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 500,
        }),
        PlatformModule.forRoot({ outboxPollMs: config.outboxPollMs }),
        IdentityModule,
        OrgStructureModule,
        ProcessEngineModule,
        FormsModule,
        ContentModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: DialectExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
