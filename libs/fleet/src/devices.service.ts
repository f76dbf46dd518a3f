import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, applyListQuery, ListSpec, Page, SocleError, toListPage } from '@socle/core';
import { Device } from './device.entity';
import { ListDevicesQuery } from './dto/list-queries.dto';

export interface DeviceCompliance {
  compliant: boolean;
  reasons: unknown[];
  evaluatedAt: Date;
}

export type DeviceListItem = Device & { compliance: DeviceCompliance | null };

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
  constructor(private readonly dataSource: DataSource) {}

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
   * The technician's device list shows compliance next to each device. The policies context
   * evaluates it (at every check-in and in a sweep); the list only reads its table.
   */
  private async withCompliance(page: Page<Device>): Promise<Page<DeviceListItem>> {
    const rows: Array<{ device_id: string; compliant: boolean; reasons: unknown[]; evaluated_at: Date }> = page.items
      .length
      ? await this.dataSource.query(
          'SELECT device_id, compliant, reasons, evaluated_at FROM device_compliance WHERE device_id = ANY($1::uuid[])',
          [page.items.map((device) => device.id)],
        )
      : [];
    const byDevice = new Map(
      rows.map((row) => [
        row.device_id,
        { compliant: row.compliant, reasons: row.reasons, evaluatedAt: row.evaluated_at },
      ]),
    );
    return { ...page, items: page.items.map((device) => ({ ...device, compliance: byDevice.get(device.id) ?? null })) };
  }

  async findVisible(actor: Actor, deviceId: string): Promise<Device> {
    const device = await this.dataSource
      .getRepository(Device)
      .findOneBy({ id: deviceId, collectiviteId: actor.tenantId() });
    if (!device)
      throw SocleError.notFound('DEVICE_NOT_FOUND', "Cet appareil n'existe pas ou ne vous est pas accessible.");
    return device;
  }
}
