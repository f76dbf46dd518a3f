import { Module } from '@nestjs/common';
import { LoginLimiter } from './accounts/login-limiter';
import { PasswordResetsService } from './accounts/password-resets.service';
import { UserAdminService } from './accounts/user-admin.service';
import { AuthService } from './auth.service';
import { AuthController } from './auth.controller';
import { ClassroomsController } from './classrooms.controller';
import { ClassroomsService } from './classrooms.service';
import { CollectivitesController } from './collectivites.controller';
import { SchoolsController } from './schools.controller';
import { TenancyModule } from './tenancy.module';
import { UsersController } from './users.controller';
import { OidcController } from './oidc/oidc.controller';
import { OidcLoginService } from './oidc/oidc-login.service';
import { OidcSettingsService } from './oidc/oidc-settings.service';

/** Login needs the JWT module, which only the api has. */
@Module({
  imports: [TenancyModule],
  controllers: [
    AuthController,
    CollectivitesController,
    SchoolsController,
    ClassroomsController,
    UsersController,
    OidcController,
  ],
  providers: [
    AuthService,
    LoginLimiter,
    UserAdminService,
    PasswordResetsService,
    ClassroomsService,
    OidcSettingsService,
    OidcLoginService,
  ],
})
export class TenancyApiModule {}
