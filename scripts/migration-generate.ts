import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, prepareDatabase, schemaDiff } from '@socle/core';

/**
 * `npm run migration:generate -- AddCarts`: applies the existing migrations to a scratch database,
 * diffs it against the entities and writes migrations/<timestamp>-AddCarts.ts for review.
 */
async function main(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Usage: npm run migration:generate -- PascalCaseName');
  const config = loadConfig();
  const scratch = new URL(config.databaseUrl);
  scratch.pathname = `/socle_migration_${Date.now()}`;
  await prepareDatabase({ databaseUrl: scratch.toString() });
  const dataSource = await new DataSource(dataSourceOptions({ databaseUrl: scratch.toString() })).initialize();
  try {
    const diff = await schemaDiff(dataSource);
    if (!diff.up.length) return void process.stdout.write('Entities and migrations agree: nothing to generate.\n');
    const timestamp = Date.now();
    const file = join(__dirname, '..', 'migrations', `${timestamp}-${name}.ts`);
    const quote = (sql: string) => '`' + sql.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${') + '`';
    const lines = (queries: string[]) =>
      queries.map((query) => `    await queryRunner.query(${quote(query)});`).join('\n');
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${lines(diff.up)}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${lines(diff.down)}\n  }\n}\n`,
    );
    process.stdout.write(`Wrote ${file}: read it, tidy it, then commit it.\n`);
  } finally {
    await dataSource.destroy();
    const admin = new Client({
      connectionString: Object.assign(new URL(scratch), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${scratch.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
}

main(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
