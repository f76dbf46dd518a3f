import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, onePage, ParseId, Roles } from '@socle/core';
import { DeviceHistoryService } from './device-history.service';
import { CreateRepairIncidentDto, UpdateRepairIncidentDto } from './dto/repair-incident.dto';
import { RetireDeviceDto } from './dto/retire-device.dto';
import { UpdatePurchaseDataDto } from './dto/update-purchase-data.dto';
import { PurchaseDataService } from './purchase-data.service';
import { RepairIncidentsService } from './repair-incidents.service';
import { RetirementService } from './retirement.service';

/** One device's end of life, repairs, purchase data and history. */
@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('devices/:id')
export class DeviceLifecycleController {
  constructor(
    private readonly retirements: RetirementService,
    private readonly incidents: RepairIncidentsService,
    private readonly purchaseData: PurchaseDataService,
    private readonly histories: DeviceHistoryService,
  ) {}

  /** Queues a wipe (device → retiring); with `force`, retires a dead device now on a written reason. */
  @Post('retire')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(202)
  retire(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: RetireDeviceDto) {
    return this.retirements.retire(actor, id, dto);
  }

  @Get('retirement')
  @Roles(...FLEET_MANAGERS)
  retirement(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.retirements.view(actor, id);
  }

  @Get('history')
  @Roles(...FLEET_MANAGERS)
  history(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.histories.history(actor, id);
  }

  @Patch('purchase-data')
  @Roles(...FLEET_MANAGERS)
  updatePurchaseData(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Body() dto: UpdatePurchaseDataDto,
  ) {
    return this.purchaseData.updateOne(actor, id, { ...dto });
  }

  @Post('incidents')
  @Roles(...FLEET_MANAGERS)
  openIncident(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: CreateRepairIncidentDto) {
    return this.incidents.create(actor, id, dto);
  }

  @Get('incidents')
  @Roles(...FLEET_MANAGERS)
  listIncidents(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return onePage(this.incidents.list(actor, id));
  }

  @Patch('incidents/:incidentId')
  @Roles(...FLEET_MANAGERS)
  updateIncident(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Param('incidentId', ParseId) incidentId: string,
    @Body() dto: UpdateRepairIncidentDto,
  ) {
    return this.incidents.update(actor, id, incidentId, dto);
  }
}
