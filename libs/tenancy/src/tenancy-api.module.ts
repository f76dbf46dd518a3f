import { Module } from '@nestjs/common';
import { LoginLimiter } from './accounts/login-limiter';
import { PasswordResetsService } from './accounts/password-resets.service';
import { UserAdminService } from './accounts/user-admin.service';
import { AuthService } from './auth.service';
import { AuthController } from './auth.controller';
import { CollectivitesController } from './collectivites.controller';
import { SchoolsController } from './schools.controller';
import { TenancyModule } from './tenancy.module';
import { UsersController } from './users.controller';

/** Login needs the JWT module, which only the api has. */
@Module({
  imports: [TenancyModule],
  controllers: [AuthController, CollectivitesController, SchoolsController, UsersController],
  providers: [AuthService, LoginLimiter, UserAdminService, PasswordResetsService],
})
export class TenancyApiModule {}
