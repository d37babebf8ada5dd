import type { Config } from '@sitrep/config';
import type { PublishedSitrepEvent } from '@sitrep/events';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { EventSink } from './event-sink';
import { TransportError } from './event-sink';
import { topicFor } from './kafka-client';

// CloudEvents Kafka protocol binding, structured mode: the whole envelope is the message value.
const CLOUDEVENTS_JSON = 'application/cloudevents+json; charset=UTF-8';

/** The distributed transport: events go to Kafka, keyed by subject so one article's events stay in order. */
export class KafkaSink implements EventSink {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(
    kafka: Kafka,
    private readonly config: Config,
  ) {
    const idempotent = config.kafka.idempotentProducer;
    this.producer = kafka.producer({
      idempotent,
      maxInFlightRequests: idempotent ? 5 : 1,
      allowAutoTopicCreation: true,
    });
  }

  async publish(events: readonly PublishedSitrepEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const topic = topicFor(this.config, event);
      const message: Message = {
        key: event.subject,
        value: JSON.stringify(event),
        headers: { 'content-type': CLOUDEVENTS_JSON, ce_type: event.type, ce_id: event.id },
      };
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
    try {
      this.connected ??= this.producer.connect();
      await this.connected;
      // acks -1: every in-sync replica has the events before the poller moves on.
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      this.connected = null;
      await this.producer.disconnect().catch(() => undefined);
      throw new TransportError(
        'TRANSPORT_UNAVAILABLE',
        true,
        `kafka ${this.config.kafkaBrokers?.join(',')}: expected an acknowledgement of ${events.length} event(s), found ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
