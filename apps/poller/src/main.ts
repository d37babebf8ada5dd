import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@sitrep/config';
import { closeOnSignals, exitOnStartupError, JsonLogger, PlatformModule } from '@sitrep/platform';
import { PollerModule } from './poller.module';

try {
  const config = loadConfig(process.env);
  @Module({ imports: [PlatformModule.forRoot(config), PollerModule.forRoot()] })
  class PollerApp {}
  const app = await NestFactory.createApplicationContext(PollerApp, { logger: new JsonLogger(config.logLevel) });
  closeOnSignals(app);
} catch (error) {
  exitOnStartupError(error);
}
