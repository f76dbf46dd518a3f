import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeviceEventBus } from './device-event-bus';

/** The device-event pipeline, one per app (CoreModule imports it). */
@Global()
@Module({ imports: [DiscoveryModule], providers: [DeviceEventBus], exports: [DeviceEventBus] })
export class DeviceEventsModule {}
