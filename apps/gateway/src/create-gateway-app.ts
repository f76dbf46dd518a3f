import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import express from 'express';
import { createServer as createHttpServer, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { configureHttpApp, installMetrics, SocleConfig } from '@socle/core';
import { PkiService } from '@socle/pki';
import { gatewayModule } from './gateway.module';

export interface GatewayApp {
  app: INestApplication;
  server: Server;
}

/**
 * The TLS certificate comes from Socle's own PKI, which needs the database, so the Nest app is
 * initialised first and the (https) server is built around it afterwards. Client certificates are
 * requested but not enforced by TLS, so that a device without one gets a JSON 401, not a reset.
 */
export async function createGatewayApp(config: SocleConfig): Promise<GatewayApp> {
  const expressApp = express();
  const app = await NestFactory.create(gatewayModule(config), new ExpressAdapter(expressApp), { bufferLogs: true });
  installMetrics(app, 'gateway');
  configureHttpApp(app);
  app.setGlobalPrefix('v1');
  await app.init();
  if (config.gatewayMode === 'proxy') {
    return { app, server: createHttpServer(expressApp) };
  }
  const credentials = await app.get(PkiService).gatewayTlsCredentials(config.gatewayHostnames);
  const server = createHttpsServer(
    {
      key: credentials.keyPem,
      cert: credentials.certPem,
      ca: credentials.caPem,
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    expressApp,
  );
  return { app, server: server as unknown as Server };
}
