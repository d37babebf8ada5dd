import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@sitrep/config';
import { closeOnSignals, exitOnStartupError, JsonLogger, PlatformModule } from '@sitrep/platform';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApiModule } from '../../api/src/api.module';
import { startHttpApp } from '../../api/src/http-app';
import { PollerModule } from '../../poller/src/poller.module';
import { ProjectorModule } from '../../projector/src/projector.module';

/** The feed polled on a fresh installation with no SITREP_FEEDS: articles written for Sitrep's demo. */
const SAMPLE_FEED = pathToFileURL(fileURLToPath(new URL('../sample/feed.xml', import.meta.url))).toString();

// Everything in one process: poller, projector and API, on embedded PostgreSQL and the event log
// unless DATABASE_URL / KAFKA_BROKERS say otherwise.
try {
  const config = loadConfig(process.env);
  @Module({
    imports: [
      PlatformModule.forRoot(config),
      ProjectorModule,
      PollerModule.forRoot({ sampleFeeds: [SAMPLE_FEED] }),
      ApiModule,
    ],
  })
  class SitrepApp {}
  closeOnSignals(await startHttpApp(SitrepApp, config, new JsonLogger(config.logLevel)));
} catch (error) {
  exitOnStartupError(error);
}
