export * from './compliance-rules.entity';
export * from './device-compliance.entity';
export * from './evaluate-compliance';
export * from './compliance-evaluator';
export * from './compliance.service';
export * from './compliance.module';
export * from './compliance-api.module';
export * from './compliance-gateway.module';
