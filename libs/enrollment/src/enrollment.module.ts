import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { FleetModule } from '@socle/fleet';
import { PkiModule } from '@socle/pki';
import { CheckinService } from './checkin.service';
import { EnrollmentTokensService } from './enrollment-tokens.service';
import { EnrollmentService } from './enrollment.service';

@Module({
  imports: [FleetModule, PkiModule, DeliveryModule],
  providers: [EnrollmentTokensService, EnrollmentService, CheckinService],
  exports: [EnrollmentTokensService, EnrollmentService, CheckinService, PkiModule],
})
export class EnrollmentModule {}
