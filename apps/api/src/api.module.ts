import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditApiModule, AuditModule } from '@socle/audit';
import { CartsApiModule } from '@socle/carts';
import { ComplianceApiModule } from '@socle/compliance';
import { AuthGuard, CoreModule, HealthModule, RateLimitModule, SocleConfig } from '@socle/core';
import { DeliveryApiModule } from '@socle/delivery';
import { EnrollmentApiModule } from '@socle/enrollment';
import { FilteringApiModule } from '@socle/filtering';
import { FleetApiModule } from '@socle/fleet';
import { LifecycleApiModule } from '@socle/lifecycle';
import { ProfilesApiModule } from '@socle/profiles';
import { ReportsApiModule } from '@socle/reports';
import { SessionsApiModule } from '@socle/sessions';
import { TenancyApiModule, TenancyModule } from '@socle/tenancy';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';

/** The admin, technician and teacher API. */
export function apiModule(config: SocleConfig) {
  @Module({
    imports: [
      CoreModule.forRoot(config),
      JwtModule.register({
        global: true,
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
      RateLimitModule.forRoot((settings) => settings.loginRateLimitPerMinute),
      AuditModule,
      HealthModule,
      TenancyModule,
      TenancyApiModule,
      FleetApiModule,
      EnrollmentApiModule,
      DeliveryApiModule,
      ProfilesApiModule,
      FilteringApiModule,
      ComplianceApiModule,
      LifecycleApiModule,
      ReportsApiModule,
      AuditApiModule,
      CartsApiModule,
      SessionsApiModule,
      QueueDashboardModule,
    ],
    providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
  })
  class ApiModule {}
  return ApiModule;
}
