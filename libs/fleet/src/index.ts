export * from './fleet-enums';
export * from './pack.entity';
export * from './device.entity';
export * from './packs.service';
export * from './devices.service';
export * from './fleet.module';
export * from './fleet-api.module';
export * from './device-state-machine';
export { parseDate } from './device-import-row';
