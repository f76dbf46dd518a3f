import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceModule } from './compliance.module';

@Module({ imports: [ComplianceModule], controllers: [ComplianceController] })
export class ComplianceApiModule {}
