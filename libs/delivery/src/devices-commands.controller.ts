import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles } from '@socle/core';
import { DeviceCommandsService } from './device-commands.service';
import { DeviceCommandDto } from './dto/device-command.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices/:id/commands')
export class DeviceCommandsController {
  constructor(private readonly commands: DeviceCommandsService) {}

  @Post()
  @Roles(...FLEET_MANAGERS)
  async issue(@CurrentActor() actor: Actor, @Param('id', ParseId) deviceId: string, @Body() dto: DeviceCommandDto) {
    const { id, type, status, createdAt } = await this.commands.issueManual(actor, deviceId, dto);
    return { id, type, status, createdAt };
  }
}
