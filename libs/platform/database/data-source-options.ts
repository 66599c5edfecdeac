import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

/**
 * One definition of how Meridian talks to PostgreSQL, shared by the app, `npm run migrate` and
 * the test harness. Migrations are passed as classes (not globs) so that the same list works
 * from compiled JavaScript and under the test runner. `synchronize` is never on.
 */
export function dataSourceOptions(input: {
  readonly url: string;
  readonly migrations: MixedList<Constructor | string>;
  readonly entities?: MixedList<Constructor | string | EntitySchema>;
  readonly poolSize?: number;
  readonly applicationName?: string;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities ?? [],
    migrations: input.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: input.poolSize ?? 20,
      application_name: input.applicationName ?? 'meridian',
      // node-postgres pipeline mode: a statement is written at once, not after the previous one's
      // answer. UnitOfWork sends a transaction's BEGIN in the same write as its first statement.
      pipeline: true,
    },
  };
}
