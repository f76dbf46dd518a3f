import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEVICE_COMPLIANCE_READER, DeviceCompliance, DeviceComplianceReader } from '@socle/fleet';
import { DEVICE_COMPLIANCE_RELATION } from './device-compliance.entity';

/** Compliance's read interface for the device list (fleet): the last evaluation of each device. */
@Injectable()
export class DeviceComplianceReadService implements DeviceComplianceReader {
  constructor(private readonly dataSource: DataSource) {}

  async ofDevices(deviceIds: readonly string[]): Promise<Map<string, DeviceCompliance>> {
    const rows: Array<{ device_id: string; compliant: boolean; reasons: unknown[]; evaluated_at: Date }> =
      await this.dataSource.query(`SELECT * FROM (${DEVICE_COMPLIANCE_RELATION}) c WHERE device_id = ANY($1::uuid[])`, [
        deviceIds,
      ]);
    return new Map(
      rows.map((row) => [
        row.device_id,
        { compliant: row.compliant, reasons: row.reasons, evaluatedAt: row.evaluated_at },
      ]),
    );
  }
}

/** Global so that fleet's DevicesService finds the reader without importing compliance. */
@Global()
@Module({
  providers: [{ provide: DEVICE_COMPLIANCE_READER, useClass: DeviceComplianceReadService }],
  exports: [DEVICE_COMPLIANCE_READER],
})
export class DeviceComplianceReaderModule {}
