import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SocleConfig } from '../config/socle-config';

/** Repository root, whether running from sources (ts) or from dist (js). */
const ROOT = join(__dirname, '..', '..', '..', '..');

export const ENTITY_GLOB = join(ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}');
export const MIGRATION_GLOB = join(ROOT, 'migrations', '*.{ts,js}');

/** The one TypeORM configuration, shared by the apps, the migration CLI and the tests. */
export function dataSourceOptions(config: Pick<SocleConfig, 'databaseUrl'>): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: config.databaseUrl,
    entities: [ENTITY_GLOB],
    migrations: [MIGRATION_GLOB],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 20, connectionTimeoutMillis: 5000, keepAlive: true },
  };
}
