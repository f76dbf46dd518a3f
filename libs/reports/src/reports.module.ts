import { Module } from '@nestjs/common';
import { FleetHealthReportService } from './fleet-health.report';
import { RenewalReportService } from './renewal.report';
import { ReportSources } from './report-sources';
import { SocleReportService } from './socle.report';
import { WarrantyReportService } from './warranty.report';

const SERVICES = [
  ReportSources,
  FleetHealthReportService,
  WarrantyReportService,
  SocleReportService,
  RenewalReportService,
];

/** Read-only, set-based SQL over the fleet; other contexts add figures through ReportSources. */
@Module({ providers: SERVICES, exports: SERVICES })
export class ReportsModule {}
