import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { DeviceEventBus, SocleConfig } from '@socle/core';
import { DEVICE_EVENTS, Device, Pack } from '@socle/fleet';
import { parseDeviceCsr, PkiService } from '@socle/pki';
import { Collectivite } from '@socle/tenancy';
import { EnrollDto } from './dto/enroll.dto';
import { hashEnrollmentToken } from './enrollment-token-secret';
import { EnrollmentToken } from './enrollment-token.entity';
import {
  osMismatch,
  packFull,
  placementRefusal,
  tokenRefusal,
  translateEnrollmentConstraint,
} from './enrollment-rules';

export interface EnrollmentResult {
  deviceId: string;
  certificate: string;
  caChain: string[];
  checkinUrl: string;
  checkinIntervalSeconds: number;
}

/**
 * Enrollment is one transaction: consume a token use, lock the pack, take the lowest free number in
 * it, create or attach the device, sign its certificate. Concurrent enrollments serialise on the
 * pack row; the schema's constraints are the last word if anything slips past. `device.enrolled`
 * is emitted in that transaction.
 */
@Injectable()
export class EnrollmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pki: PkiService,
    private readonly audit: AuditService,
    private readonly config: SocleConfig,
    private readonly events: DeviceEventBus,
  ) {}

  async enroll(dto: EnrollDto): Promise<EnrollmentResult> {
    const csr = parseDeviceCsr(dto.csr);
    await this.ensureIssuingCa(dto.token);
    try {
      return await this.events.transaction(async (tx) => {
        const manager = tx.manager;
        const token = await this.consumeToken(manager, dto.token);
        const pack = await manager.findOneOrFail(Pack, {
          where: { id: token.packId },
          lock: { mode: 'pessimistic_write' },
        });
        if (dto.osFamily !== pack.osFamily) throw osMismatch(dto.osFamily, pack.osFamily);
        const device = await this.placeDevice(manager, pack, dto);
        const collectivite = await manager.findOneByOrFail(Collectivite, { id: pack.collectiviteId });
        const issued = await this.pki.issueDeviceCertificate(manager, {
          collectiviteId: pack.collectiviteId,
          collectiviteName: collectivite.name,
          deviceId: device.id,
          hardwareSerial: device.serialNumber,
          csr,
        });
        await manager.update(Device, { id: device.id }, { certificateId: issued.certificate.id });
        await this.audit.record(
          manager,
          { deviceId: device.id },
          {
            action: 'device.enroll',
            entityType: 'device',
            collectiviteId: pack.collectiviteId,
            summary: {
              packId: pack.id,
              positionInPack: device.positionInPack,
              serialNumber: device.serialNumber,
              certificateSerial: issued.certificate.serialNumber,
            },
          },
        );
        await tx.emit('device.enrolled', { device });
        return {
          deviceId: device.id,
          certificate: issued.certificatePem,
          caChain: issued.caChain,
          checkinUrl: `${this.config.publicGatewayUrl.replace(/\/$/, '')}/v1/checkin`,
          checkinIntervalSeconds: this.config.checkinIntervalSeconds,
        };
      });
    } catch (error) {
      throw translateEnrollmentConstraint(error);
    }
  }

  /**
   * Creating a collectivité's CA needs its own connection; doing it inside the enrollment
   * transaction would let a burst of first enrollments hold every pooled connection while waiting
   * for it. So the CA is made sure of first, outside any transaction.
   */
  private async ensureIssuingCa(token: string): Promise<void> {
    const [owner] = await this.dataSource.query(
      `SELECT c.id, c.name FROM enrollment_tokens t JOIN collectivites c ON c.id = t.collectivite_id WHERE t.token_hash = $1`,
      [hashEnrollmentToken(token)],
    );
    if (owner) await this.pki.collectiviteCa(owner.id, owner.name);
  }

  /** One atomic update both checks and spends a use, so a token for 15 cannot enroll a 16th device. */
  private async consumeToken(manager: EntityManager, token: string): Promise<EnrollmentToken> {
    const hash = hashEnrollmentToken(token);
    // For an UPDATE, TypeORM's postgres driver answers [rows, rowCount].
    const [spent]: [Array<{ id: string; packId: string }>, number] = await manager.query(
      `UPDATE enrollment_tokens SET use_count = use_count + 1
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() AND use_count < max_uses
        RETURNING id, pack_id AS "packId"`,
      [hash],
    );
    if (spent.length) return spent[0] as EnrollmentToken;
    throw tokenRefusal(await manager.findOneBy(EnrollmentToken, { tokenHash: hash }), new Date());
  }

  /** Attaches a device imported from the supplier's file, or creates it, at the lowest free number of the pack. */
  private async placeDevice(manager: EntityManager, pack: Pack, dto: EnrollDto): Promise<Device> {
    const existing = await manager.findOne(Device, {
      where: { collectiviteId: pack.collectiviteId, serialNumber: dto.serialNumber },
      lock: { mode: 'pessimistic_write' },
    });
    const refusal = placementRefusal(existing, pack.osFamily);
    if (refusal) throw refusal;
    const [{ position }] = await manager.query(
      `SELECT min(candidate)::int AS position FROM generate_series(1, $2::int) AS candidate
        WHERE candidate NOT IN (SELECT position_in_pack FROM devices WHERE pack_id = $1)`,
      [pack.id, pack.capacity],
    );
    if (position === null) throw packFull();
    const placement = {
      packId: pack.id,
      packCapacity: pack.capacity,
      positionInPack: position as number,
      state: DEVICE_EVENTS.enroll.to,
      enrolledAt: new Date(),
      osVersion: dto.osVersion ?? null,
      model: dto.model ?? existing?.model ?? null,
      deviceKind: dto.deviceKind,
    };
    if (existing) {
      await manager.update(Device, { id: existing.id }, placement);
      return { ...existing, ...placement };
    }
    return manager.save(
      manager.create(Device, {
        ...placement,
        collectiviteId: pack.collectiviteId,
        serialNumber: dto.serialNumber,
        osFamily: dto.osFamily,
      }),
    );
  }
}
