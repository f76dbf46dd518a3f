import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAuthor, AuditService } from '@socle/audit';
import { Actor, DeviceEventBus, DeviceEventContext, DeviceEventPayload, OnDeviceEvent, SocleError } from '@socle/core';
import { CommandSetsService, DeliveryJobs } from '@socle/delivery';
import { applyDeviceEvent, assertTransition, Device, DeviceState } from '@socle/fleet';
import { PkiService } from '@socle/pki';
import { DeviceRetirement } from './device-retirement.entity';
import { RetireDeviceDto } from './dto/retire-device.dto';
import { RETIREMENT_VIEW_SQL, RetirementView } from './retirement-view';

const FORCE_REASON_MIN_LENGTH = 10;
const DEVICE_NOT_FOUND = () =>
  SocleError.notFound('DEVICE_NOT_FOUND', "Cet appareil n'existe pas ou ne vous est pas accessible.");

/**
 * Retiring a device: a wipe goes through the command pipeline and the device becomes `retiring`;
 * when the device acknowledges the wipe (or a technician forces it for a dead device), its
 * certificate is revoked, it leaves its pack and becomes `retired`, and the wipe proof stays. Other
 * contexts undo their links (a cart slot…) on `device.retired`, in the same transaction.
 */
@Injectable()
export class RetirementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DeviceEventBus,
    private readonly commands: CommandSetsService,
    private readonly jobs: DeliveryJobs,
    private readonly pki: PkiService,
    private readonly audit: AuditService,
  ) {}

  async retire(actor: Actor, deviceId: string, dto: RetireDeviceDto): Promise<RetirementView> {
    if (dto.force && dto.reason.trim().length < FORCE_REASON_MIN_LENGTH) {
      throw new SocleError(
        HttpStatus.BAD_REQUEST,
        'VALIDATION_FAILED',
        `Un retrait forcé exige une raison écrite d'au moins ${FORCE_REASON_MIN_LENGTH} caractères (pourquoi l'effacement ne peut pas être confirmé).`,
        {
          fields: [
            {
              field: 'reason',
              problems: [`reason must be at least ${FORCE_REASON_MIN_LENGTH} characters when force is true`],
            },
          ],
        },
      );
    }
    const queued: string[] = [];
    await this.events.transaction(async (tx) => {
      const manager = tx.manager;
      const device = await manager.findOne(Device, {
        where: { id: deviceId, collectiviteId: actor.tenantId() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!device) throw DEVICE_NOT_FOUND();
      const retirement = await manager.findOne(DeviceRetirement, {
        where: { deviceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (dto.force) return this.force(tx, actor, device, retirement, dto.reason.trim());
      const wipeCommandId =
        device.state === 'retiring' && retirement
          ? await this.retryWipe(manager, actor, device, retirement)
          : await this.start(manager, actor, device, dto.reason.trim());
      queued.push(wipeCommandId);
    });
    await this.jobs.enqueueAfterCommit(queued);
    return this.view(actor, deviceId);
  }

  async view(actor: Actor, deviceId: string): Promise<RetirementView> {
    const [row] = await this.dataSource.query(
      `${RETIREMENT_VIEW_SQL} WHERE r.device_id = $1 AND r.collectivite_id = $2`,
      [deviceId, actor.tenantId()],
    );
    if (row) return row;
    const [device] = await this.dataSource.query('SELECT state FROM devices WHERE id = $1 AND collectivite_id = $2', [
      deviceId,
      actor.tenantId(),
    ]);
    if (!device) throw DEVICE_NOT_FOUND();
    throw SocleError.notFound(
      'RETIREMENT_NOT_FOUND',
      "Cet appareil n'a pas été retiré : demandez d'abord son retrait (POST /devices/:id/retire).",
    );
  }

  /** registered/enrolled/active/locked → retiring, with a wipe queued; what was still waiting for the device is dropped. */
  private async start(manager: EntityManager, actor: Actor, device: Device, reason: string): Promise<string> {
    assertTransition('retire', device.state);
    if (!device.certificateId) {
      throw SocleError.conflict(
        'DEVICE_NEVER_ENROLLED',
        "Cet appareil n'a jamais été inscrit : il n'y a rien à effacer à distance. Retirez-le avec « force » et une raison écrite.",
        { currentState: device.state },
      );
    }
    await applyDeviceEvent(manager, device.id, 'retire');
    await this.commands.supersedeOpen(manager, device.id);
    const wipe = await this.queueWipe(manager, actor, device);
    await manager.insert(DeviceRetirement, {
      collectiviteId: device.collectiviteId,
      deviceId: device.id,
      reason,
      requestedBy: actor.userId,
      wipeCommandId: wipe,
    });
    await this.audit.record(manager, actor, {
      action: 'device.retire',
      entityType: 'device',
      entityId: device.id,
      summary: {
        before: { state: device.state },
        after: { state: 'retiring' },
        reason,
        wipeCommandId: wipe,
        serialNumber: device.serialNumber,
      },
    });
    return wipe;
  }

  /** Still retiring: a wipe the device refused (or that was dropped) is queued again; one still on its way is not doubled. */
  private async retryWipe(
    manager: EntityManager,
    actor: Actor,
    device: Device,
    retirement: DeviceRetirement,
  ): Promise<string> {
    const open = retirement.wipeCommandId && (await this.commands.isOpen(manager, retirement.wipeCommandId));
    if (open) {
      throw SocleError.conflict(
        'RETIREMENT_IN_PROGRESS',
        "L'effacement est déjà en attente : l'appareil le recevra à sa prochaine connexion. S'il est hors service, forcez le retrait avec une raison écrite.",
        {
          currentState: device.state,
          wipeCommandId: retirement.wipeCommandId,
        },
      );
    }
    const wipe = await this.queueWipe(manager, actor, device);
    await manager.update(DeviceRetirement, { id: retirement.id }, { wipeCommandId: wipe });
    await this.audit.record(manager, actor, {
      action: 'device.retire.retry_wipe',
      entityType: 'device',
      entityId: device.id,
      summary: { previousWipeCommandId: retirement.wipeCommandId, wipeCommandId: wipe },
    });
    return wipe;
  }

  /** A dead device: retired now on the technician's written word, the pending wipe (if any) dropped. */
  private async force(
    tx: DeviceEventContext,
    actor: Actor,
    device: Device,
    retirement: DeviceRetirement | null,
    reason: string,
  ): Promise<void> {
    const { manager } = tx;
    if (device.state !== 'retiring') assertTransition('retire', device.state);
    const before: DeviceState = device.state;
    if (device.state !== 'retiring') await applyDeviceEvent(manager, device.id, 'retire');
    const forced = { forced: true, forcedBy: actor.userId, forcedAt: () => 'now()', forcedReason: reason };
    if (retirement) await manager.update(DeviceRetirement, { id: retirement.id }, forced);
    else
      await manager.insert(DeviceRetirement, {
        collectiviteId: device.collectiviteId,
        deviceId: device.id,
        reason,
        requestedBy: actor.userId,
        ...forced,
      });
    await this.complete(tx, device);
    await this.audit.record(manager, actor, {
      action: 'device.retire.forced',
      entityType: 'device',
      entityId: device.id,
      summary: {
        before: { state: before },
        after: { state: 'retired' },
        reason,
        serialNumber: device.serialNumber,
        certificateRevoked: Boolean(device.certificateId),
      },
    });
  }

  /** The device confirmed the wipe of its retirement; a technician's ordinary wipe (no retirement) changes nothing here. */
  @OnDeviceEvent('command.acknowledged', { commandType: 'wipe', owner: true })
  async wipeAcknowledged(
    { command, detail }: DeviceEventPayload<'command.acknowledged'>,
    tx: DeviceEventContext,
  ): Promise<void> {
    const { manager } = tx;
    const retirement = await manager.findOne(DeviceRetirement, {
      where: { wipeCommandId: command.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!retirement || retirement.completedAt) return;
    const device = await manager.findOne(Device, {
      where: { id: command.deviceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!device || device.state !== 'retiring') return;
    const acknowledgement = detail ? `acknowledged: ${detail}` : 'acknowledged';
    await manager.update(
      DeviceRetirement,
      { id: retirement.id },
      { wipeAcknowledgedAt: () => 'now()', wipeAcknowledgement: acknowledgement },
    );
    await this.complete(tx, device);
    const author: AuditAuthor = { deviceId: device.id };
    await this.audit.record(manager, author, {
      action: 'device.retire.complete',
      entityType: 'device',
      collectiviteId: device.collectiviteId,
      summary: {
        before: { state: 'retiring', packId: device.packId, positionInPack: device.positionInPack },
        after: { state: 'retired', packId: null },
        wipeCommandId: command.id,
        acknowledgement,
      },
    });
  }

  /** retiring → retired: certificate revoked (the gateway refuses it, the CRL lists it), out of its pack and slot, nothing left to send. */
  private async complete(tx: DeviceEventContext, device: Device): Promise<void> {
    const { manager } = tx;
    let certificateSerial: string | null = null;
    if (device.certificateId) {
      await this.pki.revoke(manager, device.certificateId, 'cessationOfOperation');
      [{ serial_number: certificateSerial }] = await manager.query(
        'SELECT serial_number FROM issued_certificates WHERE id = $1',
        [device.certificateId],
      );
    }
    await applyDeviceEvent(manager, device.id, 'completeRetirement', { leavePack: true });
    await this.commands.supersedeOpen(manager, device.id);
    await manager.query(
      'UPDATE device_retirements SET completed_at = now(), certificate_serial = $2 WHERE device_id = $1',
      [device.id, certificateSerial],
    );
    await tx.emit('device.retired', { device: { id: device.id, collectiviteId: device.collectiviteId } });
  }

  private async queueWipe(manager: EntityManager, actor: Actor, device: Device): Promise<string> {
    const [wipe] = await this.commands.queue(manager, [
      {
        collectiviteId: device.collectiviteId,
        deviceId: device.id,
        type: 'wipe',
        payload: { reason: 'retirement' },
        createdBy: actor.userId,
      },
    ]);
    return wipe;
  }
}
