import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@sitrep/config';
import { closeOnSignals, exitOnStartupError, JsonLogger, PlatformModule } from '@sitrep/platform';
import { ProjectorModule } from './projector.module';

try {
  const config = loadConfig(process.env);
  @Module({ imports: [PlatformModule.forRoot(config), ProjectorModule] })
  class ProjectorApp {}
  const app = await NestFactory.createApplicationContext(ProjectorApp, { logger: new JsonLogger(config.logLevel) });
  closeOnSignals(app);
} catch (error) {
  exitOnStartupError(error);
}
