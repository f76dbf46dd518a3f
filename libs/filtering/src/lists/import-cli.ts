import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { dataSourceOptions, loadConfig, prepareDatabase } from '@socle/core';
import { archiveListFiles, folderListFiles, ListImportError } from './list-files';
import { ListImporter } from './list-importer';

/**
 * `npm run filtering:import -- <folder | archive.tar.gz>`: imports the category lists (UT1 /
 * squidGuard layout) as a new version and makes it active. Running servers pick it up within a
 * few seconds. On any error the previous version stays active and the exit code is 1.
 */
async function main(argument: string | undefined): Promise<void> {
  if (!argument)
    throw new ListImportError('USAGE', 'Usage : npm run filtering:import -- <dossier des listes | archive .tar.gz>');
  const path = resolve(argument);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ListImportError('LIST_SOURCE_NOT_FOUND', `Introuvable : ${path}`);
  const config = loadConfig();
  await prepareDatabase(config);
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  const started = Date.now();
  let lastLine = 0;
  try {
    const files = info.isDirectory() ? folderListFiles(path) : archiveListFiles(createReadStream(path));
    const summary = await new ListImporter(dataSource, new AuditService()).import(files, {
      source: basename(path),
      author: { system: 'filtering-import-cli' },
      createdBy: null,
      onProgress: ({ category, file, lines }) => {
        if (lines === lastLine) return;
        lastLine = lines;
        const rate = Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000));
        process.stdout.write(
          `  ${lines.toLocaleString('fr-FR')} lignes lues (${category}/${file}), ${rate.toLocaleString('fr-FR')} lignes/s, ${Math.round(process.memoryUsage().rss / 1048576)} Mo\n`,
        );
      },
    });
    process.stdout.write(
      `Version ${summary.version} active : ${summary.categories.length} catégories, ${summary.domains.toLocaleString('fr-FR')} domaines, ` +
        `${summary.urls.toLocaleString('fr-FR')} URL, ${summary.skippedLines} ligne(s) ignorée(s), en ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
    for (const sample of summary.skippedSamples) process.stdout.write(`  ignorée : ${sample}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: Error) => {
  process.stderr.write(
    `${error instanceof ListImportError ? '' : 'Erreur : '}${error.message}\nLa version active des listes n'a pas changé.\n`,
  );
  process.exit(1);
});
