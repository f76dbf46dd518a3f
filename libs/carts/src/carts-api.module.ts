import { Module } from '@nestjs/common';
import { CartRecordsController } from './cart-records.controller';
import { CartRecordsService } from './cart-records.service';
import { CartsController } from './carts.controller';
import { CartsModule } from './carts.module';
import { AccessPointFeedController, CartAccessPointController } from './wifi/access-points.controller';

@Module({
  imports: [CartsModule],
  controllers: [CartsController, CartRecordsController, CartAccessPointController, AccessPointFeedController],
  providers: [CartRecordsService],
})
export class CartsApiModule {}
