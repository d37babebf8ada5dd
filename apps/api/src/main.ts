import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@sitrep/config';
import { closeOnSignals, exitOnStartupError, JsonLogger, PlatformModule } from '@sitrep/platform';
import { ApiModule } from './api.module';
import { startHttpApp } from './http-app';

try {
  const config = loadConfig(process.env);
  @Module({ imports: [PlatformModule.forRoot(config), ApiModule] })
  class ApiApp {}
  closeOnSignals(await startHttpApp(ApiApp, config, new JsonLogger(config.logLevel)));
} catch (error) {
  exitOnStartupError(error);
}
