import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CheckinService } from '@socle/enrollment';
import { Device } from '@socle/fleet';
import { FilteringConvergenceService, unpackedContext } from '@socle/filtering';
import { ComplianceEvaluator } from './compliance-evaluator';

/**
 * At every check-in: repair filtering drift (the device gets its install_filtering in this very
 * check-in, since hand-over comes after the observers), then evaluate the device's compliance.
 * Never fails the check-in: a device that cannot be evaluated still gets its commands.
 */
@Injectable()
export class PoliciesCheckinObserver implements OnModuleInit {
  private readonly logger = new Logger(PoliciesCheckinObserver.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly checkins: CheckinService,
    private readonly filtering: FilteringConvergenceService,
    private readonly compliance: ComplianceEvaluator,
  ) {}

  onModuleInit(): void {
    this.checkins.onCheckin((device) => this.observe(device));
  }

  async observe(device: Device): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const scope = device.packId
          ? { packIds: [device.packId], unpackedCollectiviteIds: [] }
          : { packIds: [], unpackedCollectiviteIds: [device.collectiviteId] };
        const desired =
          (await this.filtering.desiredRevisions(manager, scope)).get(
            device.packId ?? unpackedContext(device.collectiviteId),
          ) ?? null;
        const [held] = await manager.query(
          `SELECT f.revision, (SELECT c.payload->>'revision' FROM device_commands c WHERE c.device_id = $1 AND c.status IN ('pending', 'delivered')
                                 AND c.type IN ('install_filtering', 'remove_filtering') LIMIT 1) AS open_revision,
                  EXISTS (SELECT 1 FROM device_commands c WHERE c.device_id = $1 AND c.status IN ('pending', 'delivered') AND c.type IN ('install_filtering', 'remove_filtering')) AS open
             FROM (SELECT 1) one LEFT JOIN device_filtering f ON f.device_id = $1`,
          [device.id],
        );
        const installed: string | null = held?.revision ?? null;
        const inLine = installed === desired && !held?.open;
        const onItsWay = held?.open && (held.open_revision ?? null) === desired;
        if (!inLine && !onItsWay) await this.filtering.converge(manager, { ...scope, deviceIds: [device.id] });
        await this.compliance.evaluateDevices(manager, [device.id]);
      });
    } catch (error) {
      this.logger.error(
        `Filtering or compliance of device ${device.id} not evaluated at check-in: ${(error as Error).message}`,
      );
    }
  }
}
