import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { Config } from '@sitrep/config';
import type { EventSink } from '@sitrep/transport';
import { EventLogSink, KafkaSink, kafkaFrom } from '@sitrep/transport';
import type { Kafka } from 'kafkajs';
import { Database, databaseProvider } from './database';
import { CONFIG, EVENT_SINK, KAFKA } from './tokens';

@Injectable()
class SinkCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_SINK) private readonly sink: EventSink) {}
  async onApplicationShutdown(): Promise<void> {
    await this.sink.close();
  }
}

/** What every app shares: the configuration, the database, Kafka when configured, and the event sink. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: CONFIG, useValue: config },
        databaseProvider,
        { provide: KAFKA, useValue: config.kafkaBrokers ? kafkaFrom(config) : null },
        {
          provide: EVENT_SINK,
          inject: [Database, KAFKA],
          useFactory: (database: Database, kafka: Kafka | null): EventSink =>
            kafka ? new KafkaSink(kafka, config) : new EventLogSink(database.pool),
        },
        SinkCloser,
      ],
      exports: [CONFIG, Database, KAFKA, EVENT_SINK],
    };
  }
}
