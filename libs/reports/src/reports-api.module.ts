import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsModule } from './reports.module';

@Module({ imports: [ReportsModule], controllers: [ReportsController] })
export class ReportsApiModule {}
