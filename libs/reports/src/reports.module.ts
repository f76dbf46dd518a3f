import { Module } from '@nestjs/common';
import { FleetHealthReportService } from './fleet-health.report';
import { RenewalReportService } from './renewal.report';
import { SocleReportService } from './socle.report';
import { WarrantyReportService } from './warranty.report';

const SERVICES = [FleetHealthReportService, WarrantyReportService, SocleReportService, RenewalReportService];

/** Read-only, set-based SQL over the fleet; compliance and carts come from the relations those contexts export. */
@Module({ providers: SERVICES, exports: SERVICES })
export class ReportsModule {}
