import { Module } from '@nestjs/common';
import { EnrollmentTokensController } from './enrollment-tokens.controller';
import { EnrollmentModule } from './enrollment.module';

@Module({ imports: [EnrollmentModule], controllers: [EnrollmentTokensController] })
export class EnrollmentApiModule {}
