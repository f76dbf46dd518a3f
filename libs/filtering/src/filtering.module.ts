import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { FleetModule } from '@socle/fleet';
import { TenancyModule } from '@socle/tenancy';
import { FilteringConvergenceService } from './convergence/filtering-convergence.service';
import { FilteringRenderService } from './convergence/filtering-render.service';
import { DnsExportsService } from './exports/dns-exports.service';
import { EffectiveFilteringService } from './policies/effective-filtering.service';
import { FilteringAssignmentsService } from './policies/filtering-assignments.service';
import { FilteringPoliciesService } from './policies/filtering-policies.service';
import { ActiveCategoryMatcher } from './lists/active-matcher';
import { ListImportService } from './lists/list-import.service';

const SERVICES = [
  ActiveCategoryMatcher,
  ListImportService,
  FilteringPoliciesService,
  FilteringAssignmentsService,
  EffectiveFilteringService,
  FilteringConvergenceService,
  FilteringRenderService,
  DnsExportsService,
];

/** Category lists, filtering policies, their convergence and renders, without HTTP: the api, the gateway and the worker import it. */
@Module({ imports: [TenancyModule, FleetModule, DeliveryModule], providers: SERVICES, exports: SERVICES })
export class FilteringModule {}
