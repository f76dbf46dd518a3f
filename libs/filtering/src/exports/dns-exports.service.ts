import { Injectable } from '@nestjs/common';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { blockedCategories, mandatoryCategories } from '../policies/effective-policy';
import { EffectiveFilteringService } from '../policies/effective-filtering.service';
import { ActiveCategoryMatcher } from '../lists/active-matcher';
import { DnsTriggers } from './dns-triggers';
import { DnsExportFormat, DnsZoneWriter } from './dns-zone-writer';

const FETCH = 10_000;

/**
 * The school's resolver enforces what tablets cannot hold: the blocked categories in full, from
 * the effective policy of the school (collectivité → school; packs are invisible on the network).
 * Streamed from a server-side cursor, DISTINCT and sorted by PostgreSQL: memory stays flat for
 * millions of entries. Each name gets one trigger, decided as the check endpoint decides it
 * (`DnsTriggers`): a listed domain the policy explicitly allows (or already denies) is left out,
 * and a search engine's host named by a domain rule follows the rule instead of the rewrite.
 */
@Injectable()
export class DnsExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly effective: EffectiveFilteringService,
    private readonly matcher: ActiveCategoryMatcher,
  ) {}

  async fileName(actor: Actor, schoolId: string, format: DnsExportFormat): Promise<string> {
    const { uai } = await this.effective.schoolPolicy(actor, schoolId);
    return format === 'rpz' ? `socle-${uai.toLowerCase()}.rpz.zone` : `socle-${uai.toLowerCase()}.unbound.conf`;
  }

  async write(actor: Actor, schoolId: string, format: DnsExportFormat, out: Writable): Promise<void> {
    const { uai, name, policy } = await this.effective.schoolPolicy(actor, schoolId);
    const writer = new DnsZoneWriter(format);
    const [active] = await this.dataSource.query('SELECT id, version FROM filtering_list_versions WHERE active');
    const blocked = blockedCategories(policy);
    const mandatory = mandatoryCategories(policy);
    // The lists the check endpoint reads, at the version streamed below.
    let matcher = await this.matcher.current();
    if (matcher.versionId !== (active?.id ?? null)) matcher = await this.matcher.refresh();
    const triggers = new DnsTriggers(policy, matcher);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write(
      writer.header(
        [
          `Socle — filtrage DNS de l'école ${name.replace(/[\r\n]/g, ' ')} (UAI ${uai})`,
          `Généré le ${new Date().toISOString()} depuis la politique effective (collectivité puis école)${active ? ` et la liste de catégories n°${active.version}` : ''}.`,
          `Catégories bloquées : ${blocked.join(', ') || 'aucune'}${mandatory.length ? ` (obligatoires : ${mandatory.join(', ')})` : ''}.`,
          'Les réglages propres à un pack ne s’appliquent pas ici : le résolveur voit le réseau de l’école, pas les packs.',
          ...(policy.allowListOnly.value
            ? [
                'ATTENTION : mode « liste blanche seule » : tout autre nom est refusé, y compris les mises à jour et le serveur Socle s’ils ne sont pas autorisés.',
              ]
            : []),
        ],
        Math.floor(Date.now() / 1000),
      ),
    );
    if (policy.safeSearch.qwantJunior.value)
      await write(
        writer.comment('Qwant Junior comme moteur ne se règle pas par le DNS : il est imposé sur les appareils.'),
      );
    if (triggers.explicit.size)
      await write(writer.comment('Domaines de la politique et recherche sécurisée (une décision par nom)'));
    for (const entry of triggers.explicit.values()) await write(writer.entry(entry));
    if (policy.allowListOnly.value) {
      await write(writer.comment('Tout le reste'));
      await write(writer.blockEverything());
    }
    const streamed = triggers.streamedCategories;
    if (!active || !streamed.length) return;
    await write(writer.comment(`Catégories : ${streamed.join(', ')}`));
    const counts = await this.streamCategories(
      active.id,
      streamed,
      mandatory,
      (domain, isMandatory) => {
        if (!triggers.blocksListed(domain, isMandatory)) return undefined;
        if (!writer.expressible(domain)) return null;
        return writer.listed(domain, triggers.explicit.get(domain)) || undefined;
      },
      write,
    );
    await write(
      writer.comment(
        `${counts.written} domaine(s) de catégories ; ${counts.notExpressible} adresse(s) IP et ${counts.urls} URL ignorées (un résolveur DNS ne voit que des noms) ; ${counts.overridden} couverte(s) par une règle de domaine.`,
      ),
    );
  }

  private async streamCategories(
    versionId: string,
    categories: string[],
    mandatory: string[],
    line: (domain: string, mandatory: boolean) => string | null | undefined,
    write: (text: string) => Promise<void>,
  ) {
    const counts = { written: 0, notExpressible: 0, overridden: 0, urls: 0 };
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const [{ urls }] = await runner.query(
        `SELECT count(*)::int AS urls FROM filtering_list_entries e JOIN filtering_list_categories c ON c.version_id = e.version_id AND c.id = e.category_id
          WHERE e.version_id = $1 AND e.kind = 'url' AND c.name = ANY($2::text[])`,
        [versionId, categories],
      );
      counts.urls = urls;
      await runner.query(
        `DECLARE dns_export NO SCROLL CURSOR FOR
         SELECT e.value, bool_or(c.name = ANY($3::text[])) AS mandatory
           FROM filtering_list_entries e JOIN filtering_list_categories c ON c.version_id = e.version_id AND c.id = e.category_id
          WHERE e.version_id = $1 AND e.kind = 'domain' AND c.name = ANY($2::text[])
          GROUP BY e.value ORDER BY e.value`,
        [versionId, categories, mandatory],
      );
      for (;;) {
        const rows: Array<{ value: string; mandatory: boolean }> = await runner.query(`FETCH ${FETCH} FROM dns_export`);
        let chunk = '';
        for (const row of rows) {
          const text = line(row.value, row.mandatory);
          if (text === undefined) counts.overridden++;
          else if (text === null) counts.notExpressible++;
          else {
            chunk += text;
            counts.written++;
          }
        }
        if (chunk) await write(chunk);
        if (rows.length < FETCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    return counts;
  }
}
