import { Body, Controller, Get, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { DeviceCertificateGuard, DeviceRequest, PkiService } from '@socle/pki';
import { CheckinService } from './checkin.service';
import { CheckinDto } from './dto/checkin.dto';
import { EnrollDto } from './dto/enroll.dto';
import { EnrollmentService } from './enrollment.service';

/** The device-facing routes of the contract, served by apps/gateway under /v1. */
@ApiTags('gateway')
@Controller()
export class GatewayController {
  constructor(
    private readonly enrollment: EnrollmentService,
    private readonly checkins: CheckinService,
    private readonly pki: PkiService,
  ) {}

  @Post('enroll')
  @UseGuards(ThrottlerGuard)
  @HttpCode(201)
  enroll(@Body() dto: EnrollDto) {
    return this.enrollment.enroll(dto);
  }

  @Post('checkin')
  @UseGuards(DeviceCertificateGuard)
  @HttpCode(200)
  checkIn(@Req() request: DeviceRequest, @Body() dto: CheckinDto) {
    return this.checkins.checkIn(request.device!, dto);
  }

  @Get('ca.pem')
  @Header('content-type', 'application/x-pem-file')
  caBundle() {
    return this.pki.caBundlePem();
  }

  @Get('crl.pem')
  @Header('content-type', 'application/x-pem-file')
  crl() {
    return this.pki.crlPem();
  }
}
