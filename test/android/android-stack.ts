import { Module, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AndroidApiModule } from '@socle/android';
import { configureHttpApp, loadConfig } from '@socle/core';
import { UsersService } from '@socle/tenancy';
import { apiModule } from '../../apps/api/src/api.module';
import { ApiClient } from '../support/api-client';
import { FakeAmapi } from '../support/fake-amapi';
import { PLATFORM_ADMIN, TestStack } from '../support/test-stack';
import { createTestServiceAccount, TestServiceAccount } from '../support/test-service-account';

export interface AndroidStack extends TestStack {
  app: NestExpressApplication;
  fake: FakeAmapi;
  account: TestServiceAccount;
}

/**
 * The api as apps/api builds it, plus AndroidApiModule (which the integrator registers in apps/api
 * once issue 9 lands), against a local fake AMAPI. `configured: false` leaves the Android
 * variables unset, as on a server that has not set them up.
 */
export async function startAndroidStack(options: { configured?: boolean } = {}): Promise<AndroidStack> {
  const fake = await new FakeAmapi().start();
  const account = createTestServiceAccount(fake);
  process.env.SOCLE_BOOTSTRAP_ADMIN_EMAIL = PLATFORM_ADMIN.email;
  process.env.SOCLE_BOOTSTRAP_ADMIN_PASSWORD = PLATFORM_ADMIN.password;
  const android = {
    SOCLE_ANDROID_SERVICE_ACCOUNT_FILE: account.file,
    SOCLE_ANDROID_API_URL: fake.apiUrl,
    SOCLE_ANDROID_PROJECT_ID: 'socle-test',
    SOCLE_PUBLIC_API_URL: 'https://socle.ville.test',
  };
  for (const [name, value] of Object.entries(android)) {
    if (options.configured === false) delete process.env[name];
    else process.env[name] = value;
  }
  const config = loadConfig();
  @Module({ imports: [apiModule(config), AndroidApiModule] })
  class ApiWithAndroid {}
  const app = await NestFactory.create<NestExpressApplication>(ApiWithAndroid, { bufferLogs: true, bodyParser: false });
  app.useBodyParser('json', { limit: '1mb' });
  configureHttpApp(app);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  await app.get(UsersService).bootstrapPlatformAdmin();
  await app.listen(0, '127.0.0.1');
  const apiUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    fake,
    account,
    config,
    apiUrl,
    gatewayUrl: '',
    rootCaPem: '',
    dataSource: app.get(DataSource),
    gatewayDataSource: app.get(DataSource),
    apiApp: app,
    api: new ApiClient(apiUrl),
    close: async () => {
      await app.close();
      await fake.stop();
    },
  };
}
