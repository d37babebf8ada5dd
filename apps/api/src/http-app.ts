import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@sitrep/config';
import type { LoggerService } from '@nestjs/common';

export const openApiDocument = (app: INestApplication) =>
  SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sitrep')
      .setDescription(
        'The offensive as reported: articles, the event log and feeds. Writes need `Authorization: Bearer <API key>`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );

/** Creates the HTTP application around `module` (the API alone, or the embedded all-in-one) and listens. */
export const startHttpApp = async (
  module: unknown,
  config: Config,
  logger: LoggerService,
): Promise<NestFastifyApplication> => {
  const app = await NestFactory.create<NestFastifyApplication>(
    module as never,
    new FastifyAdapter({ bodyLimit: 64 * 1024 }),
    {
      logger,
      bufferLogs: true,
    },
  );
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(config.port, config.host);
  new Logger('HttpApp').log(`listening on ${(await app.getUrl()).replace('[::1]', 'localhost')}`);
  return app;
};
