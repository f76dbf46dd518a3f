import { Module } from '@nestjs/common';
import { AuthService } from './auth.service';
import { AuthController } from './auth.controller';
import { CollectivitesController } from './collectivites.controller';
import { SchoolsController } from './schools.controller';
import { TenancyModule } from './tenancy.module';

/** Login needs the JWT module, which only the api has. */
@Module({
  imports: [TenancyModule],
  controllers: [AuthController, CollectivitesController, SchoolsController],
  providers: [AuthService],
})
export class TenancyApiModule {}
