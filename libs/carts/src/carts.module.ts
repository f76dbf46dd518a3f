import { Module } from '@nestjs/common';
import { Clock } from '@socle/core';
import { FleetModule } from '@socle/fleet';
import { TenancyModule } from '@socle/tenancy';
import { CartSlotsService } from './cart-slots.service';
import { CartViewService } from './cart-view.service';
import { CartsService } from './carts.service';
import { LeaveCartOnRetirement } from './leave-cart-on-retirement';
import { AbeilleReportService } from './wifi/abeille-report.service';
import { AccessPointsService } from './wifi/access-points.service';
import { WifiFeedService } from './wifi/wifi-feed.service';
import { WifiScheduleService } from './wifi/wifi-schedule.service';

const SERVICES = [
  CartsService,
  CartSlotsService,
  CartViewService,
  AccessPointsService,
  WifiScheduleService,
  WifiFeedService,
  AbeilleReportService,
  Clock,
];

/** Carts, slots, dock states and the pack's access point, without HTTP: sessions and the worker use them too. */
@Module({
  imports: [TenancyModule, FleetModule],
  providers: [...SERVICES, LeaveCartOnRetirement],
  exports: SERVICES,
})
export class CartsModule {}
