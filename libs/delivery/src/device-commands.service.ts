import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, DeviceEventBus, SocleError } from '@socle/core';
import { Device, DevicesService } from '@socle/fleet';
import { commandOutcome, manualCommandRefusal } from './command-rules';
import { DeliveryJobs } from './delivery-jobs';
import { CommandType, DeviceCommand } from './device-command.entity';
import { CommandResultDto } from './dto/command-result.dto';
import { DeviceCommandDto } from './dto/device-command.dto';

export interface HandedCommand {
  id: string;
  type: CommandType;
  payload: Record<string, unknown>;
}

/** A delivered command is handed again if the device has not answered within this delay. */
const REDELIVER_AFTER_SECONDS = 120;

/**
 * The command pipeline's rows (`device_commands`, owned here): a technician's single-device command,
 * the hand-over at check-in, and each result applied once. What a command means for another context
 * (a profile installed, a retirement completed) is that context's `command.acknowledged` handler.
 */
@Injectable()
export class DeviceCommandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DevicesService,
    private readonly jobs: DeliveryJobs,
    private readonly audit: AuditService,
    private readonly events: DeviceEventBus,
  ) {}

  /** A technician's command to one device; a wipe must be confirmed by typing the serial number again. */
  async issueManual(actor: Actor, deviceId: string, dto: DeviceCommandDto): Promise<DeviceCommand> {
    const device = await this.devices.findVisible(actor, deviceId);
    const refusal = manualCommandRefusal(device, dto);
    if (refusal) throw refusal;
    const command = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(DeviceCommand, {
          collectiviteId: device.collectiviteId,
          deviceId: device.id,
          type: dto.type,
          payload: dto.message ? { message: dto.message } : {},
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, actor, {
        action: `device.command.${dto.type}`,
        entityType: 'device',
        entityId: device.id,
        summary: { commandId: saved.id, serialNumber: device.serialNumber },
      });
      return saved;
    });
    await this.jobs.enqueueAfterCommit([command.id]);
    return command;
  }

  /** What the device gets at check-in, in the check-in's transaction: its open commands, oldest first, marked delivered. */
  async takeDue(manager: EntityManager, device: Device): Promise<HandedCommand[]> {
    return manager.query(
      `WITH handed AS (
         UPDATE device_commands SET status = 'delivered', delivered_at = now(), updated_at = now()
          WHERE id IN (
            SELECT id FROM device_commands
             WHERE device_id = $1 AND next_attempt_at <= now()
               AND (status = 'pending' OR (status = 'delivered' AND delivered_at < now() - make_interval(secs => $2)))
             ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED)
          RETURNING id, type, payload, created_at)
       SELECT id, type, payload FROM handed ORDER BY created_at`,
      [device.id, REDELIVER_AFTER_SECONDS],
    );
  }

  /** Once the hand-over committed: each command with what its owner adds (`command.handed-over`: the render for the device's OS). */
  handOver(device: Device, commands: readonly HandedCommand[]): Promise<HandedCommand[]> {
    return Promise.all(
      commands.map(async (command) => ({ ...command, payload: await this.events.handOver(device, command) })),
    );
  }

  async hasDueCommands(deviceId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM device_commands WHERE device_id = $1 AND status = 'pending' AND next_attempt_at <= now() LIMIT 1`,
      [deviceId],
    );
    return rows.length > 0;
  }

  /**
   * Applies a device's answer exactly once: only an open command changes; a repeated or late answer
   * is a no-op that reports the state already recorded.
   */
  async applyResult(
    device: Device,
    commandId: string,
    result: CommandResultDto,
  ): Promise<{ id: string; status: string; applied: boolean }> {
    return this.events.transaction(async (tx) => {
      const manager = tx.manager;
      const command = await manager.findOne(DeviceCommand, {
        where: { id: commandId, deviceId: device.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!command) throw SocleError.notFound('COMMAND_NOT_FOUND', 'Commande inconnue pour cet appareil.');
      const outcome = commandOutcome(command, result);
      if (!outcome.applied) return { id: command.id, status: outcome.status, applied: false };
      if (outcome.status === 'pending') {
        await manager.query(
          `UPDATE device_commands SET status = 'pending', attempts = $2, next_attempt_at = now() + make_interval(secs => $3), updated_at = now() WHERE id = $1`,
          [command.id, outcome.attempts, outcome.retryInSeconds],
        );
        return { id: command.id, status: 'pending', applied: true };
      }
      const status = outcome.status;
      const lastError = outcome.lastError;
      await manager.update(DeviceCommand, { id: command.id }, { status, completedAt: new Date(), lastError });
      if (status === 'acknowledged')
        await tx.emit('command.acknowledged', { command, detail: result.detail }, command.type);
      else await tx.emit('command.failed', { command, detail: lastError! }, command.type);
      return { id: command.id, status, applied: true };
    });
  }
}
