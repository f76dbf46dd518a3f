import 'reflect-metadata';
import { loadConfig } from '../config/load-config';
import { prepareDatabase } from './prepare-database';

prepareDatabase(loadConfig())
  .then((applied) => {
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  })
  .catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
