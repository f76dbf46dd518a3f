export * from './socle-rules';
export * from './fleet-health.report';
export * from './warranty.report';
export * from './socle.report';
export * from './renewal.report';
export * from './report-csv';
export * from './reports.module';
export * from './reports-api.module';
