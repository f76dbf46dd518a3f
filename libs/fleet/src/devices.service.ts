import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, applyListQuery, ListSpec, Page, toListPage } from '@socle/core';
import { Device } from './device.entity';
import { ListDevicesQuery } from './dto/list-queries.dto';
import { deviceNotFound } from './fleet-error-codes';

export interface DeviceCompliance {
  compliant: boolean;
  reasons: unknown[];
  evaluatedAt: Date;
}

export type DeviceListItem = Device & { compliance: DeviceCompliance | null };

/**
 * What the device list reads of compliance (libs/compliance implements it; fleet cannot depend on
 * compliance, which depends on fleet): the last evaluation of each device that has one.
 */
export interface DeviceComplianceReader {
  ofDevices(deviceIds: readonly string[]): Promise<Map<string, DeviceCompliance>>;
}
export const DEVICE_COMPLIANCE_READER = Symbol('DEVICE_COMPLIANCE_READER');

/** `q` finds a device by serial number, inventory number or model; the default order is the serial number. */
const DEVICE_LIST: ListSpec<Device> = {
  alias: 'device',
  sorts: {
    serialNumber: { sql: 'device.serial_number', type: 'text', of: (device) => device.serialNumber },
    createdAt: {
      sql: "date_trunc('milliseconds', device.created_at)",
      type: 'timestamptz',
      of: (device) => device.createdAt,
    },
  },
  defaultSort: 'serialNumber',
  search: ['device.serial_number', 'device.inventory_number', 'device.model'],
};

@Injectable()
export class DevicesService {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(DEVICE_COMPLIANCE_READER) private readonly compliance?: DeviceComplianceReader,
  ) {}

  async list(actor: Actor, query: ListDevicesQuery): Promise<Page<DeviceListItem>> {
    const builder = this.dataSource
      .getRepository(Device)
      .createQueryBuilder('device')
      .where('device.collectivite_id = :tenant', { tenant: actor.tenantId() });
    if (query.packId) builder.andWhere('device.pack_id = :packId', { packId: query.packId });
    if (query.state) builder.andWhere('device.state = :state', { state: query.state });
    if (query.schoolId) {
      builder.andWhere('device.pack_id IN (SELECT id FROM packs WHERE school_id = :schoolId)', {
        schoolId: query.schoolId,
      });
    }
    const rows = await applyListQuery(builder, query, DEVICE_LIST).getMany();
    return this.withCompliance(toListPage(rows, query, DEVICE_LIST));
  }

  /**
   * The technician's device list shows compliance next to each device: the compliance context
   * evaluates it (at every check-in and in a sweep), the list asks it for its last word.
   */
  private async withCompliance(page: Page<Device>): Promise<Page<DeviceListItem>> {
    const byDevice =
      page.items.length && this.compliance
        ? await this.compliance.ofDevices(page.items.map((device) => device.id))
        : new Map<string, DeviceCompliance>();
    return { ...page, items: page.items.map((device) => ({ ...device, compliance: byDevice.get(device.id) ?? null })) };
  }

  async findVisible(actor: Actor, deviceId: string): Promise<Device> {
    const device = await this.dataSource
      .getRepository(Device)
      .findOneBy({ id: deviceId, collectiviteId: actor.tenantId() });
    if (!device) throw deviceNotFound();
    return device;
  }
}
