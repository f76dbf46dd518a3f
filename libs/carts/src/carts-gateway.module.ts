import { Module } from '@nestjs/common';
import { Clock } from '@socle/core';
import { DockStateRecorder } from './dock-state-recorder';
import { LeaveCartOnRetirement } from './leave-cart-on-retirement';

/** The gateway side: records the `docked` flag of each check-in; a device retired by its wipe acknowledgement leaves its slot. */
@Module({ providers: [DockStateRecorder, LeaveCartOnRetirement, Clock] })
export class CartsGatewayModule {}
