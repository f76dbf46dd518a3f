import { Module } from '@nestjs/common';
import { FleetModule } from '@socle/fleet';
import { PkiModule } from '@socle/pki';
import { CheckinService } from './checkin.service';
import { DeviceCertificateGuard } from './device-certificate.guard';
import { EnrollmentTokensService } from './enrollment-tokens.service';
import { EnrollmentService } from './enrollment.service';

@Module({
  imports: [FleetModule, PkiModule],
  providers: [EnrollmentTokensService, EnrollmentService, CheckinService, DeviceCertificateGuard],
  exports: [EnrollmentTokensService, EnrollmentService, CheckinService, DeviceCertificateGuard, PkiModule],
})
export class EnrollmentModule {}
