import { Module } from '@nestjs/common';
import { AndroidManagementClient } from './client/android-management.client';
import { AndroidSettings, loadAndroidSettings } from './config/android-settings';
import { AndroidEnterpriseService } from './enterprise/android-enterprise.service';
import { AndroidEnrollmentService } from './enrollment/android-enrollment.service';
import { AndroidCommandService } from './commands/android-command.service';
import { PubsubPushVerifier } from './notifications/pubsub-push-verifier';

const SERVICES = [
  AndroidManagementClient,
  AndroidEnterpriseService,
  AndroidEnrollmentService,
  AndroidCommandService,
  PubsubPushVerifier,
];

/** The Android Management API building blocks, without HTTP. Settings are read from the environment once. */
@Module({
  providers: [{ provide: AndroidSettings, useFactory: () => loadAndroidSettings(process.env) }, ...SERVICES],
  exports: [AndroidSettings, ...SERVICES],
})
export class AndroidModule {}
