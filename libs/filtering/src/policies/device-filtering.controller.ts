import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DeviceCertificateGuard, DeviceRequest } from '@socle/pki';
import { DeviceFilteringCheckQuery } from './dto/filtering-queries.dto';
import { EffectiveFilteringService } from './effective-filtering.service';

/** Gateway (/v1): a laptop's agent asks about the categories it cannot hold locally; its own pack's policy answers. */
@ApiTags('gateway')
@Controller('filtering')
@UseGuards(DeviceCertificateGuard)
export class DeviceFilteringController {
  constructor(private readonly effective: EffectiveFilteringService) {}

  @Get('check')
  check(@Req() request: DeviceRequest, @Query() query: DeviceFilteringCheckQuery) {
    return this.effective.checkForDevice(request.device!, query.url);
  }
}
