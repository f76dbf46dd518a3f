import { Module } from '@nestjs/common';
import { TenancyModule } from '@socle/tenancy';
import { DeviceImportService } from './device-import.service';
import { DevicesService } from './devices.service';
import { PacksService } from './packs.service';

@Module({
  imports: [TenancyModule],
  providers: [PacksService, DevicesService, DeviceImportService],
  exports: [PacksService, DevicesService, DeviceImportService],
})
export class FleetModule {}
