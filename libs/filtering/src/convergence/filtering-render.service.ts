import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, SocleError } from '@socle/core';
import { Device, OsFamily, PacksService } from '@socle/fleet';
import { PkiService } from '@socle/pki';
import { EffectivePolicy, effectivePolicy, policyRevision } from '../policies/effective-policy';
import { EffectiveFilteringService } from '../policies/effective-filtering.service';
import { policyChains } from '../policies/policy-chains';
import { renderFiltering } from './render/render-filtering';
import { FILTERING_FORMAT_VERSION, RenderedFiltering } from './render/rendered-filtering';

const CACHE_SIZE = 500;

/**
 * What a device of one OS family receives for its filtering. A revision is a digest of the
 * content, so renders are cached by (collectivité, revision, OS): a 15-tablet pack signs once.
 */
@Injectable()
export class FilteringRenderService {
  private readonly cache = new Map<string, Promise<RenderedFiltering>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly effective: EffectiveFilteringService,
    private readonly packs: PacksService,
    private readonly pki: PkiService,
  ) {}

  /** Null when no policy applies to the device any more. */
  async renderForDevice(device: Device): Promise<RenderedFiltering | null> {
    const policy = effectivePolicy(await this.effective.deviceChain(device));
    const revision = policyRevision(policy, FILTERING_FORMAT_VERSION);
    return revision ? this.render(device.collectiviteId, policy, revision, device.osFamily) : null;
  }

  /** The technician's preview of what a pack's devices get (the pack's OS family unless another is asked). */
  async renderForActor(actor: Actor, packId: string, osFamily?: OsFamily): Promise<RenderedFiltering> {
    const pack = await this.packs.findVisible(actor, packId);
    const chains = await policyChains(this.dataSource.manager, { packIds: [pack.id], unpackedCollectiviteIds: [] });
    const policy = effectivePolicy(chains.get(pack.id) ?? []);
    const revision = policyRevision(policy, FILTERING_FORMAT_VERSION);
    if (!revision)
      throw SocleError.notFound(
        'FILTERING_NONE',
        "Aucune politique de filtrage ne s'applique à ce pack : affectez-en une à sa collectivité, son école ou lui-même.",
      );
    return this.render(pack.collectiviteId, policy, revision, osFamily ?? pack.osFamily);
  }

  private render(
    collectiviteId: string,
    policy: EffectivePolicy,
    revision: string,
    osFamily: OsFamily,
  ): Promise<RenderedFiltering> {
    const key = `${collectiviteId}:${revision}:${osFamily}`;
    let rendered = this.cache.get(key);
    if (!rendered) {
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
      rendered = this.renderUncached(collectiviteId, policy, revision, osFamily);
      rendered.catch(() => this.cache.delete(key));
      this.cache.set(key, rendered);
    }
    return rendered;
  }

  private async renderUncached(
    collectiviteId: string,
    policy: EffectivePolicy,
    revision: string,
    osFamily: OsFamily,
  ): Promise<RenderedFiltering> {
    const [collectivite] = await this.dataSource.query('SELECT id, name FROM collectivites WHERE id = $1', [
      collectiviteId,
    ]);
    const signer =
      osFamily === 'ipados' ? await this.pki.collectiviteSigner(collectivite.id, collectivite.name) : undefined;
    return renderFiltering(
      { collectivite: { id: collectivite.id, name: collectivite.name }, label: collectivite.name, revision, policy },
      osFamily,
      signer,
    );
  }
}
