import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ParseId } from '@socle/core';
import { DeviceCertificateGuard, DeviceRequest } from '@socle/pki';
import { DeviceCommandsService } from './device-commands.service';
import { CommandResultDto } from './dto/command-result.dto';
import { WakeListener } from './wake-listener';

class WaitQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(55)
  timeoutSeconds = 50;
}

/** Device side of the command pipeline (gateway, /v1). */
@ApiTags('gateway')
@Controller()
@UseGuards(DeviceCertificateGuard)
export class DeliveryGatewayController {
  constructor(
    private readonly commands: DeviceCommandsService,
    private readonly wakes: WakeListener,
  ) {}

  @Post('commands/:id/result')
  @HttpCode(200)
  result(@Req() request: DeviceRequest, @Param('id', ParseId) id: string, @Body() dto: CommandResultDto) {
    return this.commands.applyResult(request.device!, id, dto);
  }

  /** Long-poll: answers {wake: true} as soon as something is queued for this device, else after the timeout. */
  @Get('wait')
  async wait(@Req() request: DeviceRequest, @Query() query: WaitQuery) {
    if (await this.commands.hasDueCommands(request.device!.id)) return { wake: true };
    return { wake: await this.wakes.waitFor(request.device!.id, query.timeoutSeconds * 1000) };
  }
}
