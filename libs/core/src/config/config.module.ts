import { DynamicModule, Global, Module } from '@nestjs/common';
import { SocleConfig } from './socle-config';

@Global()
@Module({})
export class SocleConfigModule {
  static forRoot(config: SocleConfig): DynamicModule {
    return {
      module: SocleConfigModule,
      providers: [{ provide: SocleConfig, useValue: config }],
      exports: [SocleConfig],
    };
  }
}
