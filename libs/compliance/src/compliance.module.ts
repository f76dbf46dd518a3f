import { Module } from '@nestjs/common';
import { FilteringModule } from '@socle/filtering';
import { FleetModule } from '@socle/fleet';
import { TenancyModule } from '@socle/tenancy';
import { ComplianceEvaluator } from './compliance-evaluator';
import { ComplianceService } from './compliance.service';

const SERVICES = [ComplianceEvaluator, ComplianceService];

/** Compliance rules and evaluation, without HTTP. Reads filtering (the revision each device should hold), never the reverse. */
@Module({ imports: [TenancyModule, FleetModule, FilteringModule], providers: SERVICES, exports: SERVICES })
export class ComplianceModule {}
