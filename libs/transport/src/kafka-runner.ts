import type { Config } from '@sitrep/config';
import type { PublishedSitrepEvent } from '@sitrep/events';
import { parsePublishedSitrepEvent } from '@sitrep/events';
import type { Projection } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import {
  announceAppend,
  appendEvents,
  inTransaction,
  lockCheckpoint,
  parkDeadLetter,
  saveCheckpoint,
} from '@sitrep/storage';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { applyToReadModels } from './apply-to-read-models';
import { topicsOf } from './kafka-client';
import type { BatchListener, ErrorListener, ProjectionRunner } from './projection-runner';

export interface KafkaRunnerOptions {
  readonly onBatch?: BatchListener;
  readonly onError?: ErrorListener;
}

/**
 * The distributed transport's runner: one consumer in the projector group. Each batch is appended to
 * event_log (which assigns its positions) and applied to the read models, with the partition's
 * checkpoint, in one PostgreSQL transaction.
 *
 * The checkpoint row, not kafkajs auto-commit, acknowledges a batch: Kafka's committed offset is
 * only advanced after the transaction commits, so it never runs ahead of PostgreSQL. Messages
 * redelivered after a crash or a rebalance sit below the checkpoint and are skipped; event ids
 * are unique in the log anyway.
 */
export class KafkaRunner implements ProjectionRunner {
  private readonly consumer: Consumer;

  constructor(
    kafka: Kafka,
    private readonly pool: Pool,
    private readonly projections: readonly Projection[],
    private readonly config: Config,
    private readonly options: KafkaRunnerOptions = {},
  ) {
    this.consumer = kafka.consumer({
      groupId: config.kafka.groupId,
      sessionTimeout: config.kafka.sessionTimeoutMs,
      heartbeatInterval: Math.max(1_000, Math.floor(config.kafka.sessionTimeoutMs / 10)),
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: true,
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => this.options.onError?.(payload.error));
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topicsOf(this.config), fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.applyBatch(payload),
    });
  }

  async stop(): Promise<void> {
    // kafkajs waits for the batch in hand to finish before it leaves the group.
    await this.consumer.disconnect();
  }

  private async applyBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const last = batch.messages.at(-1);
    if (!last) return;
    const startedAt = performance.now();
    const key = { consumer: this.config.kafka.groupId, stream: batch.topic, partition: batch.partition };
    const report = await inTransaction(this.pool, async (client) => {
      const next = await lockCheckpoint(client, key);
      // Appended as published, not upcast: the log keeps the topic's bytes (and hashes them);
      // appendEvents hands the projections the upcast events.
      const events: PublishedSitrepEvent[] = [];
      let deadLettered = 0;
      for (const message of batch.messages) {
        if (Number(message.offset) < next) continue;
        const raw = message.value?.toString('utf8') ?? '';
        try {
          events.push(parsePublishedSitrepEvent(JSON.parse(raw)));
        } catch (error) {
          await parkDeadLetter(client, {
            ...key,
            position: Number(message.offset),
            eventId: null,
            payload: raw,
            error:
              error instanceof SyntaxError ? `EVENT_MALFORMED: not JSON: ${error.message}` : (error as Error).message,
          });
          deadLettered += 1;
        }
      }
      const { appended } = await appendEvents(client, events);
      const outcome = await applyToReadModels(client, this.projections, key, appended);
      const tail = appended.at(-1);
      if (tail) await announceAppend(client, tail.position);
      await saveCheckpoint(client, key, Number(last.offset) + 1);
      return { events: events.length + deadLettered, deadLettered: deadLettered + outcome.deadLettered };
    });
    payload.resolveOffset(last.offset);
    await payload.commitOffsetsIfNecessary();
    await payload.heartbeat();
    this.options.onBatch?.({
      stream: batch.topic,
      partition: batch.partition,
      ...report,
      checkpoint: Number(last.offset) + 1,
      durationMs: performance.now() - startedAt,
    });
  }
}
