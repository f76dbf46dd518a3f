import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, Role, Roles } from '@socle/core';
import { ComplianceService } from './compliance.service';
import { ComplianceDevicesQuery, ComplianceSummaryQuery } from './dto/compliance-queries.dto';
import { ComplianceRulesDto } from './dto/compliance-rules.dto';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('rules')
  @Roles(...FLEET_MANAGERS)
  rules(@CurrentActor() actor: Actor) {
    return this.compliance.rules(actor);
  }

  /** The collectivité decides what "in line" means; every device is evaluated again at once. */
  @Put('rules')
  @Roles(Role.CollectiviteAdmin)
  replaceRules(@CurrentActor() actor: Actor, @Body() dto: ComplianceRulesDto) {
    return this.compliance.replaceRules(actor, dto);
  }

  /** The device list with compliant / non-compliant and the reasons (`?compliant=false` for the ones to act on). */
  @Get('devices')
  @Roles(...FLEET_MANAGERS)
  devices(@CurrentActor() actor: Actor, @Query() query: ComplianceDevicesQuery) {
    return this.compliance.devices(actor, query);
  }

  @Get('summary')
  @Roles(...FLEET_MANAGERS)
  summary(@CurrentActor() actor: Actor, @Query() query: ComplianceSummaryQuery) {
    return this.compliance.summary(actor, query);
  }
}
