import { Injectable } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleConfig, SocleError } from '@socle/core';
import { PacksService } from '@socle/fleet';
import { CreateEnrollmentTokenDto } from './dto/create-enrollment-token.dto';
import { EnrollmentToken } from './enrollment-token.entity';
import { tokenTerms } from './enrollment-rules';
import { hashEnrollmentToken, newEnrollmentTokenSecret } from './enrollment-token-secret';

export interface IssuedEnrollmentToken {
  id: string;
  token: string;
  expiresAt: Date;
  maxUses: number;
  enrollUrl: string;
  /** PNG of the QR code of enrollUrl, base64 (data URL), to print or show on screen. */
  qrPng: string;
}

@Injectable()
export class EnrollmentTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly packs: PacksService,
    private readonly audit: AuditService,
    private readonly config: SocleConfig,
  ) {}

  /** Expired or revoked tokens are kept this many days for the audit trail, then deleted; returns how many went. */
  async deleteStale(keepDays: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM enrollment_tokens WHERE COALESCE(revoked_at, expires_at) < now() - make_interval(days => $1)`,
      [keepDays],
    );
    return deleted;
  }

  /** The token leaves the server only in this answer; the database keeps its hash. */
  async issue(actor: Actor, packId: string, dto: CreateEnrollmentTokenDto): Promise<IssuedEnrollmentToken> {
    const token = newEnrollmentTokenSecret();
    const saved = await this.dataSource.transaction(async (manager) => {
      const pack = await this.packs.findVisible(actor, packId, manager);
      const row = await manager.save(
        manager.create(EnrollmentToken, {
          collectiviteId: pack.collectiviteId,
          packId,
          tokenHash: hashEnrollmentToken(token),
          ...tokenTerms(dto, pack.capacity, new Date()),
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'enrollment_token.create',
        entityType: 'enrollment_token',
        entityId: row.id,
        summary: { after: { packId, expiresAt: row.expiresAt, maxUses: row.maxUses } },
      });
      return row;
    });
    const enrollUrl = `${this.config.publicGatewayUrl.replace(/\/$/, '')}/v1/enroll?token=${encodeURIComponent(token)}`;
    const qrPng = await QRCode.toDataURL(enrollUrl, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
    return { id: saved.id, token, expiresAt: saved.expiresAt, maxUses: saved.maxUses, enrollUrl, qrPng };
  }

  async listForPack(actor: Actor, packId: string) {
    await this.packs.findVisible(actor, packId);
    const tokens = await this.dataSource
      .getRepository(EnrollmentToken)
      .find({ where: { packId }, order: { createdAt: 'DESC' } });
    return tokens.map(({ tokenHash: _secret, ...visible }) => visible);
  }

  async revoke(actor: Actor, packId: string, tokenId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.packs.findVisible(actor, packId, manager);
      const result = await manager.update(
        EnrollmentToken,
        { id: tokenId, packId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      if (!result.affected) throw SocleError.notFound('TOKEN_NOT_FOUND', "Ce jeton n'existe pas ou est déjà révoqué.");
      await this.audit.record(manager, actor, {
        action: 'enrollment_token.revoke',
        entityType: 'enrollment_token',
        entityId: tokenId,
        summary: { packId },
      });
    });
  }
}
