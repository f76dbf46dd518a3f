import { Module } from '@nestjs/common';
import { DeviceCertificateGuard } from './device-certificate.guard';
import { PkiService } from './pki.service';

/** DataSource and SocleConfig come from the application's global modules. */
@Module({ providers: [PkiService, DeviceCertificateGuard], exports: [PkiService, DeviceCertificateGuard] })
export class PkiModule {}
