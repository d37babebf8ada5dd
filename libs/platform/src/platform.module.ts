import type { DynamicModule, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { Config } from '@sitrep/config';
import type { EventSink } from '@sitrep/transport';
import { ensureTopics, EventLogSink, KafkaSink, kafkaFrom, topicsOf } from '@sitrep/transport';
import type { Kafka } from 'kafkajs';
import { Database, databaseProvider } from './database';
import { CONFIG, EVENT_SINK, KAFKA } from './tokens';

/** In distributed mode, makes sure the topics exist with retention forever before anything uses them. */
@Injectable()
class KafkaTopics implements OnModuleInit {
  private readonly logger = new Logger(KafkaTopics.name);

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka | null,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.kafka) return;
    const outcome = await ensureTopics(this.kafka, topicsOf(this.config));
    if (outcome.status === 'not-created') {
      this.logger.warn(
        `topics ${outcome.topics.join(',')} not created (${outcome.reason}): the broker will auto-create them with its default retention; for a log kept forever create them with retention.ms=-1`,
      );
    } else {
      this.logger.log(`topics ${outcome.topics.join(',')} ${outcome.status}`);
    }
  }
}

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
        KafkaTopics,
        SinkCloser,
      ],
      exports: [CONFIG, Database, KAFKA, EVENT_SINK],
    };
  }
}
