import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { FleetModule } from '@socle/fleet';
import { TenancyModule } from '@socle/tenancy';
import { ComplianceEvaluator } from './compliance/compliance-evaluator';
import { ComplianceService } from './compliance/compliance.service';
import { FilteringConvergenceService } from './delivery/filtering-convergence.service';
import { FilteringRenderService } from './delivery/filtering-render.service';
import { DnsExportsService } from './exports/dns-exports.service';
import { EffectiveFilteringService } from './filtering/effective-filtering.service';
import { FilteringAssignmentsService } from './filtering/filtering-assignments.service';
import { FilteringPoliciesService } from './filtering/filtering-policies.service';
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
  ComplianceEvaluator,
  ComplianceService,
];

/** Filtering and compliance rules, without HTTP: the api, the gateway and the worker import it. */
@Module({ imports: [TenancyModule, FleetModule, DeliveryModule], providers: SERVICES, exports: SERVICES })
export class PoliciesModule {}
