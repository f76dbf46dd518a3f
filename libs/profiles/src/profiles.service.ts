import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, SecretBox, SocleConfig, SocleError, toPage, violatedConstraint } from '@socle/core';
import { CatalogApp } from './catalog/catalog-app.entity';
import { CreateProfileDto, ProfileContentDto } from './dto/profile-content.dto';
import { ProfileVersion, StoredWifi } from './profile-version.entity';
import { Profile } from './profile.entity';

export interface ProfileView extends Profile {
  current: Omit<ProfileVersion, 'wifi'> & {
    wifi: Array<Omit<StoredWifi, 'sealedPassword'> & { hasPassword: boolean }>;
  };
}

/** Profiles and their immutable versions. Pushing a version to devices is ProfileVersionsService's job. */
@Injectable()
export class ProfilesService {
  private readonly secrets: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    config: SocleConfig,
  ) {
    this.secrets = new SecretBox(config.masterKey);
  }

  async create(actor: Actor, dto: CreateProfileDto): Promise<ProfileView> {
    const collectiviteId = actor.tenantId();
    try {
      const profileId = await this.dataSource.transaction(async (manager) => {
        const profile = await manager.save(
          manager.create(Profile, { collectiviteId, name: dto.name, latestVersion: 1 }),
        );
        await this.writeVersion(manager, actor, profile, 1, dto);
        await this.audit.record(manager, actor, {
          action: 'profile.create',
          entityType: 'profile',
          entityId: profile.id,
          summary: { name: dto.name, version: 1 },
        });
        return profile.id;
      });
      return this.view(actor, profileId);
    } catch (error) {
      if (violatedConstraint(error) === 'uq_profiles_name')
        throw SocleError.conflict('PROFILE_NAME_TAKEN', `Un profil « ${dto.name} » existe déjà.`);
      throw error;
    }
  }

  /** Locks the profile row so two concurrent edits get versions n+1 and n+2, never the same number. */
  async addVersion(manager: EntityManager, actor: Actor, profileId: string, dto: ProfileContentDto): Promise<number> {
    const profile = await this.findVisible(actor, profileId, manager, true);
    const version = profile.latestVersion + 1;
    await this.writeVersion(manager, actor, profile, version, dto);
    await manager.update(Profile, { id: profileId }, { latestVersion: version });
    await this.audit.record(manager, actor, {
      action: 'profile.version',
      entityType: 'profile',
      entityId: profileId,
      summary: { version },
    });
    return version;
  }

  async list(actor: Actor, limit: number, cursor?: string): Promise<Page<Profile>> {
    const query = this.dataSource
      .getRepository(Profile)
      .createQueryBuilder('profile')
      .where('profile.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('profile.id')
      .take(limit + 1);
    if (cursor) query.andWhere('profile.id > :cursor', { cursor });
    return toPage(await query.getMany(), limit);
  }

  /** Wi-Fi passwords never leave the server through the API: only whether one is set. */
  async view(actor: Actor, profileId: string): Promise<ProfileView> {
    const profile = await this.findVisible(actor, profileId);
    const current = await this.version(profileId, profile.latestVersion);
    return {
      ...profile,
      current: {
        ...current,
        wifi: current.wifi.map(({ sealedPassword, ...wifi }) => ({ ...wifi, hasPassword: !!sealedPassword })),
      },
    };
  }

  async version(
    profileId: string,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProfileVersion> {
    const found = await manager.findOneBy(ProfileVersion, { profileId, version });
    if (!found) throw SocleError.notFound('PROFILE_VERSION_NOT_FOUND', `Le profil n'a pas de version ${version}.`);
    return found;
  }

  openWifiPassword(profileId: string, sealed: string): string {
    return this.secrets.open(sealed, `profile:${profileId}`);
  }

  async findVisible(
    actor: Actor,
    profileId: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Profile> {
    const profile = await manager.findOne(Profile, {
      where: { id: profileId, collectiviteId: actor.tenantId() },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!profile)
      throw SocleError.notFound('PROFILE_NOT_FOUND', "Ce profil n'existe pas ou ne vous est pas accessible.");
    return profile;
  }

  private async writeVersion(
    manager: EntityManager,
    actor: Actor,
    profile: Profile,
    version: number,
    dto: ProfileContentDto,
  ): Promise<void> {
    const appIds = [...new Set(dto.apps ?? [])];
    if (appIds.length) {
      const found = await manager.countBy(CatalogApp, { id: In(appIds), collectiviteId: profile.collectiviteId });
      if (found !== appIds.length)
        throw SocleError.notFound('APP_NOT_FOUND', "Une des applications n'est pas au catalogue de la collectivité.");
    }
    await manager.insert(ProfileVersion, {
      profileId: profile.id,
      version,
      appIds,
      resources: (dto.resources ?? []).map(({ kind, title, url, checksum }) => ({
        kind,
        title,
        url,
        ...(checksum ? { checksum } : {}),
      })),
      wifi: (dto.wifi ?? []).map(({ password, ...wifi }) => ({
        ...wifi,
        ...(password ? { sealedPassword: this.secrets.seal(password, `profile:${profile.id}`) } : {}),
      })),
      restrictions: { ...(dto.restrictions ?? {}) },
      createdBy: actor.userId,
    });
  }
}
