import { HttpStatus, Injectable } from '@nestjs/common';
import { Issuer } from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SecretBox, SocleConfig, SocleError } from '@socle/core';
import { CollectivitesService } from '../collectivites.service';
import { PutOidcDto } from './dto/put-oidc.dto';
import { OidcSettings } from './oidc-settings.entity';

export interface OidcSettingsView {
  collectiviteId: string;
  issuer: string;
  clientId: string;
  scopes: string[];
  emailClaim: string;
  /** To register at the provider. */
  redirectUri: string;
  loginUrl: string;
}

const sealContext = (collectiviteId: string) => `oidc-client-secret:${collectiviteId}`;

@Injectable()
export class OidcSettingsService {
  private readonly secrets: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    private readonly collectivites: CollectivitesService,
    private readonly audit: AuditService,
    private readonly config: SocleConfig,
  ) {
    this.secrets = new SecretBox(config.masterKey);
  }

  redirectUri(): string {
    return `${this.config.publicUrl.replace(/\/$/, '')}/api/v1/auth/oidc/callback`;
  }

  /** Checked against the provider's discovery document before it is saved, so a typo is caught now, not at 8:30 on Monday. */
  async put(actor: Actor, collectiviteId: string, dto: PutOidcDto): Promise<OidcSettingsView> {
    const collectivite = await this.collectivites.findVisible(actor, collectiviteId);
    const issuer = await Issuer.discover(dto.issuer).catch(() => {
      throw new SocleError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'OIDC_ISSUER_UNREACHABLE',
        `Le fournisseur d'identité ${dto.issuer} ne répond pas ou ne publie pas sa configuration OpenID Connect : vérifiez l'adresse (issuer).`,
      );
    });
    const settings: OidcSettings = {
      collectiviteId: collectivite.id,
      issuer: issuer.metadata.issuer,
      clientId: dto.clientId,
      clientSecretSealed: this.secrets.seal(dto.clientSecret, sealContext(collectivite.id)),
      scopes: [...new Set(['openid', ...(dto.scopes ?? ['email'])])],
      emailClaim: dto.emailClaim ?? 'email',
      updatedAt: new Date(),
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(OidcSettings, settings, ['collectiviteId']);
      await this.audit.record(manager, actor, {
        action: 'collectivite.oidc_set',
        entityType: 'collectivite',
        entityId: collectivite.id,
        collectiviteId: collectivite.id,
        summary: {
          after: {
            issuer: settings.issuer,
            clientId: dto.clientId,
            scopes: settings.scopes,
            emailClaim: settings.emailClaim,
          },
        },
      });
    });
    return this.view(settings);
  }

  async load(collectiviteId: string): Promise<{ settings: OidcSettings; clientSecret: string }> {
    const settings = await this.dataSource.getRepository(OidcSettings).findOneBy({ collectiviteId });
    if (!settings)
      throw SocleError.notFound(
        'OIDC_NOT_CONFIGURED',
        "Cette collectivité n'a pas configuré de connexion par son fournisseur d'identité : connectez-vous avec votre mot de passe.",
      );
    return { settings, clientSecret: this.secrets.open(settings.clientSecretSealed, sealContext(collectiviteId)) };
  }

  private view(settings: OidcSettings): OidcSettingsView {
    const { collectiviteId, issuer, clientId, scopes, emailClaim } = settings;
    const loginUrl = `${this.config.publicUrl.replace(/\/$/, '')}/api/v1/auth/oidc/${collectiviteId}/login`;
    return { collectiviteId, issuer, clientId, scopes, emailClaim, redirectUri: this.redirectUri(), loginUrl };
  }
}
