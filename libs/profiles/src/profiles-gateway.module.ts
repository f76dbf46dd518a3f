import { Module } from '@nestjs/common';
import { ProfileDeliveryHooks } from './profile-delivery-hooks';
import { ProfilesModule } from './profiles.module';

/** Where devices talk: profiles rendered at hand-over, recorded at acknowledgement, reconciled at every check-in. */
@Module({ imports: [ProfilesModule], providers: [ProfileDeliveryHooks] })
export class ProfilesGatewayModule {}
