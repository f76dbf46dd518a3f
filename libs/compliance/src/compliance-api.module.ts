import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceModule } from './compliance.module';
import { DeviceComplianceReaderModule } from './device-compliance-reader';

/** The compliance routes, and the compliance column of the device list (GET /devices). */
@Module({ imports: [ComplianceModule, DeviceComplianceReaderModule], controllers: [ComplianceController] })
export class ComplianceApiModule {}
