import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SocleConfig } from '../config/socle-config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => {
        const options = dataSourceOptions(config);
        // Requests must answer 503 within seconds when PostgreSQL stops answering, not hang; migrations
        // and imports run through their own data source, so a long statement there is not cut.
        return { ...options, extra: { ...options.extra, query_timeout: 15_000 }, migrationsRun: false };
      },
    }),
  ],
})
export class DatabaseModule {}
