import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, CoreErrorCode, CurrentActor, FLEET_MANAGERS, ParseId, Roles, SocleError } from '@socle/core';
import { DeviceImportService } from './device-import.service';
import { DevicesService } from './devices.service';
import { ListDevicesQuery } from './dto/list-queries.dto';

@ApiTags('devices')
@ApiBearerAuth()
@Controller('devices')
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly imports: DeviceImportService,
  ) {}

  /** The body is streamed into the CSV parser, never buffered whole. */
  @Post('import')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(200)
  @ApiConsumes('text/csv')
  import(@CurrentActor() actor: Actor, @Req() request: Request) {
    if (!request.is('text/csv')) {
      throw new SocleError(
        415,
        CoreErrorCode.UnsupportedMediaType,
        'Envoyez le fichier du fournisseur en text/csv (Content-Type: text/csv).',
      );
    }
    return this.imports.import(actor, request);
  }

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() query: ListDevicesQuery) {
    return this.devices.list(actor, query);
  }

  @Get(':id')
  @Roles(...FLEET_MANAGERS)
  get(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.devices.findVisible(actor, id);
  }
}
