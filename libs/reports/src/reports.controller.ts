import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, REPORT_READERS, Roles } from '@socle/core';
import { FleetHealthQuery, RenewalQuery, SocleQuery, WarrantyQuery } from './dto/report-queries';
import { FleetHealthReportService } from './fleet-health.report';
import { scopeToActor } from './report-scope';
import { RenewalReportService } from './renewal.report';
import { fleetHealthCsv, renewalCsv, socleCsv, warrantyCsv } from './report-csv';
import { SocleReportService } from './socle.report';
import { WarrantyReportService } from './warranty.report';

const csv = (body: string, name: string) => {
  const bytes = Buffer.from(body, 'utf8');
  return new StreamableFile(bytes, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}"`,
    length: bytes.length,
  });
};

/** Each report as JSON for integrations, and the same lines as CSV (`.csv`) for a spreadsheet. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly fleetHealth: FleetHealthReportService,
    private readonly warranty: WarrantyReportService,
    private readonly socle: SocleReportService,
    private readonly renewal: RenewalReportService,
  ) {}

  @Get('fleet-health')
  @Roles(...REPORT_READERS)
  fleetHealthJson(@CurrentActor() actor: Actor, @Query() query: FleetHealthQuery) {
    return this.fleetHealth.build(actor, scopeToActor(actor, query));
  }

  @Get('fleet-health.csv')
  @Roles(...REPORT_READERS)
  @ApiProduces('text/csv')
  async fleetHealthCsv(@CurrentActor() actor: Actor, @Query() query: FleetHealthQuery) {
    return csv(fleetHealthCsv(await this.fleetHealth.build(actor, scopeToActor(actor, query))), 'etat-du-parc.csv');
  }

  @Get('warranty')
  @Roles(...REPORT_READERS)
  warrantyJson(@CurrentActor() actor: Actor, @Query() query: WarrantyQuery) {
    return this.warranty.build(actor, scopeToActor(actor, query));
  }

  @Get('warranty.csv')
  @Roles(...REPORT_READERS)
  @ApiProduces('text/csv')
  async warrantyCsv(@CurrentActor() actor: Actor, @Query() query: WarrantyQuery) {
    return csv(warrantyCsv(await this.warranty.build(actor, scopeToActor(actor, query))), 'garanties.csv');
  }

  @Get('socle')
  @Roles(...REPORT_READERS)
  socleJson(@CurrentActor() actor: Actor, @Query() query: SocleQuery) {
    return this.socle.build(actor, scopeToActor(actor, query));
  }

  @Get('socle.csv')
  @Roles(...REPORT_READERS)
  @ApiProduces('text/csv')
  async socleCsv(@CurrentActor() actor: Actor, @Query() query: SocleQuery) {
    return csv(socleCsv(await this.socle.build(actor, scopeToActor(actor, query))), 'socle-numerique.csv');
  }

  @Get('renewal')
  @Roles(...REPORT_READERS)
  renewalJson(@CurrentActor() actor: Actor, @Query() query: RenewalQuery) {
    return this.renewal.build(actor, scopeToActor(actor, query));
  }

  @Get('renewal.csv')
  @Roles(...REPORT_READERS)
  @ApiProduces('text/csv')
  async renewalCsv(@CurrentActor() actor: Actor, @Query() query: RenewalQuery) {
    return csv(renewalCsv(await this.renewal.build(actor, scopeToActor(actor, query))), 'renouvellement.csv');
  }
}
