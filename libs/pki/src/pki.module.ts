import { Module } from '@nestjs/common';
import { PkiService } from './pki.service';

/** DataSource and SocleConfig come from the application's global modules. */
@Module({ providers: [PkiService], exports: [PkiService] })
export class PkiModule {}
