import { Module } from '@nestjs/common';
import { EnrollmentModule } from './enrollment.module';
import { GatewayController } from './gateway.controller';

@Module({ imports: [EnrollmentModule], controllers: [GatewayController] })
export class EnrollmentGatewayModule {}
