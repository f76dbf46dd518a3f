export * from './audit-entry.entity';
export * from './audit.service';
export * from './audit.module';
export * from './audit-log.service';
export * from './audit-api.module';
export * from './audit-retention';
export * from './audit-error-codes';
