import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Config } from '@sitrep/config';
import { CONFIG, Database, KAFKA } from '@sitrep/platform';
import type { BatchReport, ProjectionRunner } from '@sitrep/transport';
import { EventLogRunner, KafkaRunner } from '@sitrep/transport';
import type { Kafka } from 'kafkajs';
import { ALL_PROJECTIONS } from '@sitrep/projections';

/** Starts the runner of this process's transport and stops it, batch committed, on shutdown. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectorService.name);
  private runner: ProjectionRunner | null = null;

  constructor(
    private readonly database: Database,
    @Inject(KAFKA) private readonly kafka: Kafka | null,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const onBatch = ({ stream, partition, events, deadLettered, checkpoint, durationMs }: BatchReport): void =>
      this.logger.log(
        `batch applied stream=${stream} partition=${partition} events=${events} deadLettered=${deadLettered} checkpoint=${checkpoint} ${Math.round(durationMs)}ms`,
      );
    const onError = (error: unknown): void => this.logger.warn(`projector retrying after: ${(error as Error).message}`);
    this.runner = this.kafka
      ? new KafkaRunner(this.kafka, this.database.pool, ALL_PROJECTIONS, this.config, { onBatch, onError })
      : new EventLogRunner(this.database.pool, ALL_PROJECTIONS, { consumer: 'projector', onBatch, onError });
    await this.runner.start();
    this.logger.log(
      `projector started transport=${this.kafka ? 'kafka' : 'event-log'} projections=${ALL_PROJECTIONS.map((p) => p.name).join(',')}`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    this.logger.log('projector stopped');
  }
}
