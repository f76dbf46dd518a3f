import { Module } from '@nestjs/common';
import { FleetModule } from '@socle/fleet';
import { PkiModule } from '@socle/pki';
import { CommandSetsService } from './command-sets.service';
import { DeliveryJobs } from './delivery-jobs';
import { DeviceCommandsService } from './device-commands.service';
import { DeviceNotifier } from './device-notifier';
import { DeviceStateAcknowledgements } from './device-state-acknowledgements';
import { RedisWakeNotifier } from './redis-wake-notifier';
import { WakeListener } from './wake-listener';

@Module({
  imports: [FleetModule, PkiModule],
  providers: [
    DeliveryJobs,
    DeviceCommandsService,
    CommandSetsService,
    DeviceStateAcknowledgements,
    WakeListener,
    { provide: DeviceNotifier, useClass: RedisWakeNotifier },
  ],
  exports: [DeliveryJobs, DeviceCommandsService, CommandSetsService, WakeListener, DeviceNotifier, PkiModule],
})
export class DeliveryModule {}
