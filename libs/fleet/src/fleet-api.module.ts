import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller';
import { FleetModule } from './fleet.module';
import { PacksController } from './packs.controller';

@Module({ imports: [FleetModule], controllers: [PacksController, DevicesController] })
export class FleetApiModule {}
