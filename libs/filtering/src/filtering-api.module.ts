import { Module } from '@nestjs/common';
import { DnsExportsController } from './exports/dns-exports.controller';
import { FilteringPoliciesController } from './policies/filtering-policies.controller';
import { FilteringController } from './policies/filtering.controller';
import { FilteringListsController } from './lists/filtering-lists.controller';
import { FilteringModule } from './filtering.module';

@Module({
  imports: [FilteringModule],
  controllers: [FilteringPoliciesController, FilteringController, FilteringListsController, DnsExportsController],
})
export class FilteringApiModule {}
