import { Module } from '@nestjs/common';
import { AndroidModule } from './android.module';
import { AndroidEnterpriseController } from './enterprise/android-enterprise.controller';

/** `/api/v1/android/enterprise*` for the collectivité admin. Registered in apps/api by the integrator. */
@Module({ imports: [AndroidModule], controllers: [AndroidEnterpriseController] })
export class AndroidApiModule {}
