export * from './enrollment-token.entity';
export * from './enrollment-token-secret';
export * from './enrollment.service';
export * from './enrollment-tokens.service';
export * from './checkin.service';
export * from './enrollment.module';
export * from './enrollment-api.module';
export * from './enrollment-gateway.module';
