import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SocleConfig } from '../config/socle-config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => ({ ...dataSourceOptions(config), migrationsRun: false }),
    }),
  ],
})
export class DatabaseModule {}
