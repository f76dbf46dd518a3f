import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError } from '@socle/core';
import { applyDeviceEvent, Device, DevicesService } from '@socle/fleet';
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

/** Something to do once a device confirmed a command (install recorded, state changed…); `result` is the device's answer. */
export type AcknowledgementHook = (
  manager: EntityManager,
  command: DeviceCommand,
  result: CommandResultDto,
) => Promise<void>;

/** Adds what the device needs to carry a command out (e.g. the rendered profile) at hand-over time. */
export type PayloadExpander = (device: Device, payload: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** A delivered command is handed again if the device has not answered within this delay. */
const REDELIVER_AFTER_SECONDS = 120;

@Injectable()
export class DeviceCommandsService {
  private readonly acknowledgementHooks = new Map<CommandType, AcknowledgementHook>();
  private readonly payloadExpanders = new Map<CommandType, PayloadExpander>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DevicesService,
    private readonly jobs: DeliveryJobs,
    private readonly audit: AuditService,
  ) {
    // Quiet: an acknowledgement that arrives after the device moved on (retiring…) changes nothing.
    this.onAcknowledged(
      'lock',
      async (manager, command) => void (await applyDeviceEvent(manager, command.deviceId, 'lock', { quiet: true })),
    );
    this.onAcknowledged(
      'unlock',
      async (manager, command) => void (await applyDeviceEvent(manager, command.deviceId, 'unlock', { quiet: true })),
    );
  }

  /** Other contexts (profiles, sessions, lifecycle) register what an acknowledgement means for them. */
  onAcknowledged(type: CommandType, hook: AcknowledgementHook): void {
    this.acknowledgementHooks.set(type, hook);
  }

  onHandOver(type: CommandType, expander: PayloadExpander): void {
    this.payloadExpanders.set(type, expander);
  }

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

  /** What the device gets at check-in: its open commands, oldest first, marked delivered. */
  async handOver(device: Device): Promise<HandedCommand[]> {
    const commands: HandedCommand[] = await this.dataSource.query(
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
    return Promise.all(
      commands.map(async (command) => {
        const expand = this.payloadExpanders.get(command.type);
        return expand ? { ...command, payload: await expand(device, command.payload) } : command;
      }),
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
    return this.dataSource.transaction(async (manager) => {
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
      await manager.update(
        DeviceCommand,
        { id: command.id },
        { status, completedAt: new Date(), lastError: outcome.lastError },
      );
      if (status === 'acknowledged') await this.acknowledgementHooks.get(command.type)?.(manager, command, result);
      return { id: command.id, status, applied: true };
    });
  }
}
