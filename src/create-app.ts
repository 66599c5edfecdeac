import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { dialectValidationPipe } from '../libs/dialects/validation.js';
import { jsonDepthLimit } from '../libs/platform/http/json-depth.js';
import { createRootLogger, httpLogger, PinoNestLogger } from '../libs/platform/observability/logger.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { setupSwagger } from './swagger.js';

/** Builds the HTTP application; used by main.ts and by the end-to-end tests alike. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const logger = createRootLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, databaseUrl), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.use(httpLogger(logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // ProcessMaker and Questetra clients post forms; Alfresco clients send JSON even on GET.
  app.useBodyParser('json', { limit: config.maxJsonBytes, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: config.maxJsonBytes, extended: false });
  app.use(jsonDepthLimit(64));
  app.useGlobalPipes(dialectValidationPipe());
  setupSwagger(app, config);
  return app;
}
