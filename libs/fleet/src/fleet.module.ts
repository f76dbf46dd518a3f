import { Module } from '@nestjs/common';
import { TenancyModule } from '@socle/tenancy';
import { AssignmentTargets } from './assignment-target';
import { DeviceImportService } from './device-import.service';
import { DevicesService } from './devices.service';
import { PacksService } from './packs.service';

@Module({
  imports: [TenancyModule],
  providers: [PacksService, DevicesService, DeviceImportService, AssignmentTargets],
  exports: [PacksService, DevicesService, DeviceImportService, AssignmentTargets],
})
export class FleetModule {}
