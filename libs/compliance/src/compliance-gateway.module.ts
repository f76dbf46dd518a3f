import { Module } from '@nestjs/common';
import { EnrollmentModule } from '@socle/enrollment';
import { FilteringModule } from '@socle/filtering';
import { PoliciesCheckinObserver } from './checkin-observer';
import { ComplianceModule } from './compliance.module';

/** Where devices talk: every check-in evaluated. */
@Module({ imports: [ComplianceModule, FilteringModule, EnrollmentModule], providers: [PoliciesCheckinObserver] })
export class ComplianceGatewayModule {}
