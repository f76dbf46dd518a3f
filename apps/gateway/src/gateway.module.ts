import { Module } from '@nestjs/common';
import { AuditModule } from '@socle/audit';
import { CartsGatewayModule } from '@socle/carts';
import { ComplianceGatewayModule } from '@socle/compliance';
import { CoreModule, HealthModule, RateLimitModule, SocleConfig } from '@socle/core';
import { DeliveryGatewayModule } from '@socle/delivery';
import { EnrollmentGatewayModule } from '@socle/enrollment';
import { FilteringGatewayModule } from '@socle/filtering';
import { LifecycleModule } from '@socle/lifecycle';
import { SessionsGatewayModule } from '@socle/sessions';

/** The device-facing side: enrollment, check-in, CA and CRL. No user accounts here. */
export function gatewayModule(config: SocleConfig) {
  @Module({
    imports: [
      CoreModule.forRoot(config),
      RateLimitModule.forRoot((settings) => settings.enrollRateLimitPerMinute),
      AuditModule,
      HealthModule,
      EnrollmentGatewayModule,
      DeliveryGatewayModule,
      // Filtering delivery hooks, compliance at every check-in, the device-side URL check.
      FilteringGatewayModule,
      ComplianceGatewayModule,
      // Registers what a wipe acknowledgement means for a retirement.
      LifecycleModule,
      CartsGatewayModule,
      SessionsGatewayModule,
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
