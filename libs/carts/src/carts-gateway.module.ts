import { Module } from '@nestjs/common';
import { Clock } from '@socle/core';
import { EnrollmentModule } from '@socle/enrollment';
import { DockStateRecorder } from './dock-state-recorder';

/** The gateway side: records the `docked` flag of each check-in. */
@Module({ imports: [EnrollmentModule], providers: [DockStateRecorder, Clock] })
export class CartsGatewayModule {}
