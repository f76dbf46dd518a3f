import { Module } from '@nestjs/common';
import { ComplianceHooks } from './compliance-hooks';
import { ComplianceModule } from './compliance.module';

/** Where devices talk: compliance evaluated at every check-in and filtering acknowledgement. */
@Module({ imports: [ComplianceModule], providers: [ComplianceHooks] })
export class ComplianceGatewayModule {}
