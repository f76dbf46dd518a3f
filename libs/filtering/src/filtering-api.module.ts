import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance/compliance.controller';
import { DnsExportsController } from './exports/dns-exports.controller';
import { FilteringPoliciesController } from './filtering/filtering-policies.controller';
import { FilteringController } from './filtering/filtering.controller';
import { FilteringListsController } from './lists/filtering-lists.controller';
import { PoliciesModule } from './policies.module';

@Module({
  imports: [PoliciesModule],
  controllers: [
    FilteringPoliciesController,
    FilteringController,
    FilteringListsController,
    DnsExportsController,
    ComplianceController,
  ],
})
export class PoliciesApiModule {}
