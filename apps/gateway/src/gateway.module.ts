import { Module } from '@nestjs/common';
import { AuditModule } from '@socle/audit';
import { CartsGatewayModule } from '@socle/carts';
import { ComplianceGatewayModule } from '@socle/compliance';
import { CoreModule, HealthModule, RateLimitModule, SocleConfig } from '@socle/core';
import { DeliveryGatewayModule } from '@socle/delivery';
import { EnrollmentGatewayModule } from '@socle/enrollment';
import { FilteringGatewayModule } from '@socle/filtering';
import { LifecycleModule } from '@socle/lifecycle';
import { ProfilesGatewayModule } from '@socle/profiles';
import { SessionsGatewayModule } from '@socle/sessions';

/**
 * The device-facing side: enrollment, check-in, commands and their results, CA and CRL. No user
 * accounts here. Each context's gateway module brings its device-event handlers (check-in,
 * hand-over, acknowledgements); the start is refused if a command type lacks its owner.
 */
export function gatewayModule(config: SocleConfig) {
  @Module({
    imports: [
      CoreModule.forRoot(config),
      RateLimitModule.forRoot((settings) => settings.enrollRateLimitPerMinute),
      AuditModule,
      HealthModule,
      EnrollmentGatewayModule,
      DeliveryGatewayModule,
      ProfilesGatewayModule,
      // Filtering at hand-over, acknowledgement and check-in; the device-side URL check.
      FilteringGatewayModule,
      ComplianceGatewayModule,
      // What a wipe acknowledgement means for a retirement.
      LifecycleModule,
      CartsGatewayModule,
      SessionsGatewayModule,
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
