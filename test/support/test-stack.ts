import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { loadConfig, SocleConfig } from '@socle/core';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createGatewayApp, GatewayApp } from '../../apps/gateway/src/create-gateway-app';
import { ApiClient } from './api-client';

export const PLATFORM_ADMIN = { email: 'operateur@socle.test', password: 'operateur-mot-de-passe-de-test' };

export interface TestStack {
  config: SocleConfig;
  apiUrl: string;
  gatewayUrl: string;
  /** The platform root CA, which signs the gateway's TLS certificate. */
  rootCaPem: string;
  dataSource: DataSource;
  api: ApiClient;
  /** The api's Nest application (to reach it from another loopback address, for instance). */
  apiApp: INestApplication;
  close(): Promise<void>;
}

/**
 * The api and the TLS gateway of one test file, on ephemeral ports, against this run's database
 * and Redis prefix (set by the global setup). Nothing is mocked.
 */
export async function startStack(overrides: Partial<SocleConfig> = {}): Promise<TestStack> {
  process.env.SOCLE_BOOTSTRAP_ADMIN_EMAIL = PLATFORM_ADMIN.email;
  process.env.SOCLE_BOOTSTRAP_ADMIN_PASSWORD = PLATFORM_ADMIN.password;
  const config = Object.assign(loadConfig(), overrides);
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const gateway: GatewayApp = await createGatewayApp(config);
  await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
  const gatewayPort = (gateway.server.address() as AddressInfo).port;
  const gatewayUrl = `${config.gatewayMode === 'tls' ? 'https' : 'http'}://127.0.0.1:${gatewayPort}`;
  // Enrollment URLs and QR codes must point at the port the gateway really got.
  config.publicGatewayUrl = gatewayUrl;
  const apiUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  const dataSource = api.get(DataSource);
  const [root] = await dataSource.query(`SELECT certificate_pem FROM certificate_authorities WHERE kind = 'root'`);
  return {
    config,
    apiUrl,
    gatewayUrl,
    rootCaPem: root?.certificate_pem ?? '',
    dataSource,
    api: new ApiClient(apiUrl),
    apiApp: api,
    close: async () => {
      await new Promise((resolve) => gateway.server.close(resolve));
      (gateway.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await gateway.app.close();
      await (api as INestApplication).close();
    },
  };
}
