import { Module } from '@nestjs/common';
import { AuthController, CollectivitesController, SchoolsController } from './tenancy.controller';
import { TenancyModule } from './tenancy.module';

@Module({ imports: [TenancyModule], controllers: [AuthController, CollectivitesController, SchoolsController] })
export class TenancyApiModule {}
