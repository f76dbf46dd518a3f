import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Actor } from '@socle/core';
import { OsFamily } from '@socle/fleet';
import { PkiService } from '@socle/pki';
import { Collectivite } from '@socle/tenancy';
import { CatalogApp } from './catalog/catalog-app.entity';
import { ProfilesService } from './profiles.service';
import { applyVariant } from './restriction-conflicts';
import { ProfileContent, RenderedProfile, renderProfile } from './renderers';

const CACHE_SIZE = 500;

/**
 * Turns a stored version into what a device of one OS family receives. Versions are immutable, so
 * a render is cached by (profile, version, variant, OS): a 15-tablet pack signs its profile once.
 */
@Injectable()
export class ProfileRenderService {
  private readonly cache = new Map<string, Promise<RenderedProfile>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesService,
    private readonly pki: PkiService,
  ) {}

  async renderForActor(actor: Actor, profileId: string, version: number, osFamily: OsFamily): Promise<RenderedProfile> {
    await this.profiles.findVisible(actor, profileId);
    await this.profiles.version(profileId, version);
    return this.render(profileId, version, osFamily, '');
  }

  render(profileId: string, version: number, osFamily: OsFamily, variant: string): Promise<RenderedProfile> {
    const key = `${profileId}:${version}:${variant}:${osFamily}`;
    let rendered = this.cache.get(key);
    if (!rendered) {
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
      rendered = this.renderUncached(profileId, version, osFamily, variant);
      rendered.catch(() => this.cache.delete(key));
      this.cache.set(key, rendered);
    }
    return rendered;
  }

  private async renderUncached(
    profileId: string,
    version: number,
    osFamily: OsFamily,
    variant: string,
  ): Promise<RenderedProfile> {
    const content = await this.content(profileId, version, variant);
    const signer =
      osFamily === 'ipados'
        ? await this.pki.collectiviteSigner(content.collectivite.id, content.collectivite.name)
        : undefined;
    return renderProfile(content, osFamily, { signer });
  }

  private async content(profileId: string, version: number, variant: string): Promise<ProfileContent> {
    const stored = await this.profiles.version(profileId, version);
    const [profile] = await this.dataSource.query('SELECT name, collectivite_id FROM profiles WHERE id = $1', [
      profileId,
    ]);
    const collectivite = await this.dataSource
      .getRepository(Collectivite)
      .findOneByOrFail({ id: profile.collectivite_id });
    const apps = stored.appIds.length
      ? await this.dataSource.getRepository(CatalogApp).findBy({ id: In(stored.appIds) })
      : [];
    return {
      profileId,
      version,
      name: profile.name,
      collectivite: { id: collectivite.id, name: collectivite.name },
      apps: apps.map((app) => ({
        id: app.id,
        name: app.name,
        platform: app.platform,
        identifier: app.identifier,
        category: app.category,
        ...(app.managedConfiguration ? { managedConfiguration: app.managedConfiguration } : {}),
      })),
      resources: stored.resources,
      wifi: stored.wifi.map(({ sealedPassword, ...wifi }) => ({
        ...wifi,
        ...(sealedPassword ? { password: this.profiles.openWifiPassword(profileId, sealedPassword) } : {}),
      })),
      restrictions: applyVariant(stored.restrictions, variant),
    };
  }
}
