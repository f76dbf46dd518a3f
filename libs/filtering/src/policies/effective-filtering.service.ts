import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, validationFailed } from '@socle/core';
import { Device, PacksService } from '@socle/fleet';
import { SchoolsService } from '@socle/tenancy';
import { FILTERING_FORMAT_VERSION } from '../convergence/render/rendered-filtering';
import { ActiveCategoryMatcher } from '../lists/active-matcher';
import { parseTarget } from './domain-names';
import { FilteringTargetQuery } from './dto/filtering-queries.dto';
import { EffectivePolicy, effectivePolicy, policyRevision } from './effective-policy';
import { PolicyAtLevel } from './filtering-policy.types';
import { policyChains, schoolChain, unpackedContext } from './policy-chains';
import { unknownCategories } from './policy-content';
import { decideUrl, UrlDecision } from './url-decision';

export interface FilteringTarget {
  level: 'pack' | 'school' | 'collectivite';
  collectiviteId: string;
  schoolId: string | null;
  packId: string | null;
}

export interface EffectiveView extends EffectivePolicy {
  target: FilteringTarget;
  /** What devices of this target hold when they are up to date; null when no policy applies. */
  revision: string | null;
  lists: { versionId: string; categories: number } | null;
  warnings: string[];
}

/** The effective policy of a pack (or a school), with the reason for each rule, and URL checks against it. */
@Injectable()
export class EffectiveFilteringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly packs: PacksService,
    private readonly schools: SchoolsService,
    private readonly matcher: ActiveCategoryMatcher,
  ) {}

  async effectiveFor(actor: Actor, query: FilteringTargetQuery): Promise<EffectiveView> {
    const { target, chain } = await this.resolve(actor, query);
    const policy = effectivePolicy(chain);
    const matcher = await this.matcher.current();
    const unknown = [...new Set(chain.flatMap((level) => unknownCategories(level.content, matcher.categories)))];
    const warnings = [
      ...(chain.length
        ? []
        : [
            'Aucune politique de filtrage ne s’applique ici : affectez-en une à la collectivité, à l’école ou au pack.',
          ]),
      ...(matcher.versionId
        ? []
        : ['Aucune liste de catégories n’est importée : les catégories bloquées ne bloquent encore rien.']),
      ...(unknown.length ? [`Catégorie(s) absente(s) des listes actives : ${unknown.join(', ')}.`] : []),
    ];
    return {
      target,
      revision: policyRevision(policy, FILTERING_FORMAT_VERSION),
      ...policy,
      lists: matcher.versionId ? { versionId: matcher.versionId, categories: matcher.categories.length } : null,
      warnings,
    };
  }

  async checkFor(actor: Actor, query: FilteringTargetQuery & { url: string }): Promise<UrlDecision & { url: string }> {
    const { chain } = await this.resolve(actor, query);
    return this.decide(chain, query.url);
  }

  /** The gateway's check, for the device's own pack (or its collectivité when it is in none). */
  async checkForDevice(device: Device, url: string): Promise<UrlDecision & { url: string }> {
    return this.decide(await this.deviceChain(device), url);
  }

  async deviceChain(device: Pick<Device, 'packId' | 'collectiviteId'>): Promise<PolicyAtLevel[]> {
    const scope = device.packId
      ? { packIds: [device.packId], unpackedCollectiviteIds: [] }
      : { packIds: [], unpackedCollectiviteIds: [device.collectiviteId] };
    const chains = await policyChains(this.dataSource.manager, scope);
    return chains.get(device.packId ?? unpackedContext(device.collectiviteId)) ?? [];
  }

  async schoolPolicy(
    actor: Actor,
    schoolId: string,
  ): Promise<{ schoolId: string; uai: string; name: string; policy: EffectivePolicy }> {
    const school = await this.schools.findVisible(actor, schoolId);
    return {
      schoolId: school.id,
      uai: school.uai,
      name: school.name,
      policy: effectivePolicy(await schoolChain(this.dataSource.manager, school.id, school.collectiviteId)),
    };
  }

  private async decide(chain: PolicyAtLevel[], url: string): Promise<UrlDecision & { url: string }> {
    const target = parseTarget(url);
    if (!target)
      throw validationFailed([
        { field: 'url', problems: ['url must be an address such as https://www.exemple.fr/page or exemple.fr'] },
      ]);
    return { url, ...decideUrl(effectivePolicy(chain), await this.matcher.current(), target) };
  }

  private async resolve(
    actor: Actor,
    query: FilteringTargetQuery,
  ): Promise<{ target: FilteringTarget; chain: PolicyAtLevel[] }> {
    if ((query.packId === undefined) === (query.schoolId === undefined)) {
      throw validationFailed([
        { field: 'packId|schoolId', problems: ['exactly one of packId or schoolId is required'] },
      ]);
    }
    if (query.packId) {
      const pack = await this.packs.findVisible(actor, query.packId);
      const chains = await policyChains(this.dataSource.manager, { packIds: [pack.id], unpackedCollectiviteIds: [] });
      return {
        target: { level: 'pack', collectiviteId: pack.collectiviteId, schoolId: pack.schoolId, packId: pack.id },
        chain: chains.get(pack.id) ?? [],
      };
    }
    const school = await this.schools.findVisible(actor, query.schoolId!);
    return {
      target: { level: 'school', collectiviteId: school.collectiviteId, schoolId: school.id, packId: null },
      chain: await schoolChain(this.dataSource.manager, school.id, school.collectiviteId),
    };
  }
}
