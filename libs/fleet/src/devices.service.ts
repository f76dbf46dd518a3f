import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Page, SocleError, toPage } from '@socle/core';
import { Device } from './device.entity';
import { ListDevicesQuery } from './dto/list-queries.dto';

@Injectable()
export class DevicesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: ListDevicesQuery): Promise<Page<Device>> {
    const builder = this.dataSource
      .getRepository(Device)
      .createQueryBuilder('device')
      .where('device.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('device.id')
      .take(query.limit + 1);
    if (query.packId) builder.andWhere('device.pack_id = :packId', { packId: query.packId });
    if (query.state) builder.andWhere('device.state = :state', { state: query.state });
    if (query.schoolId) {
      builder.andWhere('device.pack_id IN (SELECT id FROM packs WHERE school_id = :schoolId)', { schoolId: query.schoolId });
    }
    if (query.cursor) builder.andWhere('device.id > :cursor', { cursor: query.cursor });
    return toPage(await builder.getMany(), query.limit);
  }

  async findVisible(actor: Actor, deviceId: string): Promise<Device> {
    const device = await this.dataSource.getRepository(Device).findOneBy({ id: deviceId, collectiviteId: actor.tenantId() });
    if (!device) throw SocleError.notFound('DEVICE_NOT_FOUND', "Cet appareil n'existe pas ou ne vous est pas accessible.");
    return device;
  }
}
