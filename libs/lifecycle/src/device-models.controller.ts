import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, onePage, ParseId, Roles } from '@socle/core';
import { DeviceModelsService } from './device-models.service';
import { CreateDeviceModelDto, UpdateDeviceModelDto } from './dto/device-model.dto';

@ApiTags('lifecycle')
@ApiBearerAuth()
@Controller('device-models')
export class DeviceModelsController {
  constructor(private readonly models: DeviceModelsService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDeviceModelDto) {
    return this.models.create(actor, dto);
  }

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor) {
    return onePage(this.models.list(actor));
  }

  @Patch(':id')
  @Roles(...FLEET_MANAGERS)
  update(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: UpdateDeviceModelDto) {
    return this.models.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    await this.models.remove(actor, id);
  }
}
