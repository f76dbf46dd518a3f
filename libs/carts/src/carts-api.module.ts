import { Module } from '@nestjs/common';
import { CartsController } from './carts.controller';
import { CartsModule } from './carts.module';
import { AccessPointFeedController, CartAccessPointController } from './wifi/access-points.controller';

@Module({
  imports: [CartsModule],
  controllers: [CartsController, CartAccessPointController, AccessPointFeedController],
})
export class CartsApiModule {}
