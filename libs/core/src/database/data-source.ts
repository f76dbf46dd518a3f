import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (migration:generate): built from the same validated config as the apps. */
export default new DataSource(dataSourceOptions(loadConfig()));
