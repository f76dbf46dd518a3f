import { Module } from '@nestjs/common';
import { AuditModule } from '@socle/audit';
import { CoreModule, HealthModule, RateLimitModule, SocleConfig } from '@socle/core';
import { DeliveryGatewayModule } from '@socle/delivery';
import { EnrollmentGatewayModule } from '@socle/enrollment';

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
    ],
  })
  class GatewayModule {}
  return GatewayModule;
}
