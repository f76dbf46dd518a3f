import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { configureHttpApp, installMetrics, SocleConfig } from '@socle/core';
import { UsersService } from '@socle/tenancy';
import { apiModule } from './api.module';
import { serveConsole } from './console-static';

/** Builds the api (routes under /api/v1, health at /api/health, OpenAPI at /api/docs) without listening. */
export async function createApiApp(config: SocleConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(apiModule(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  installMetrics(app, 'api');
  app.useBodyParser('json', { limit: '1mb' });
  configureHttpApp(app);
  serveConsole(app);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Socle API')
      .setDescription('Gestion des classes mobiles des écoles')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  await app.get(UsersService).bootstrapPlatformAdmin();
  return app;
}
