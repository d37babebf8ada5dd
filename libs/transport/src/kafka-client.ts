import type { Config } from '@sitrep/config';
import type { PublishedSitrepEvent } from '@sitrep/events';
import { FEED_SUBSCRIBED, FEED_UNSUBSCRIBED } from '@sitrep/events';
import type { Kafka } from 'kafkajs';
import kafkajs from 'kafkajs';

export const kafkaFrom = (config: Config): Kafka => {
  if (!config.kafkaBrokers) throw new Error('kafkaFrom: KAFKA_BROKERS is not set');
  return new kafkajs.Kafka({
    clientId: config.kafka.clientId,
    brokers: [...config.kafkaBrokers],
    requestTimeout: config.kafka.requestTimeoutMs,
    connectionTimeout: Math.min(10_000, config.kafka.requestTimeoutMs),
    logLevel: kafkajs.logLevel.NOTHING,
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
  });
};

export const topicsOf = (config: Config): string[] => [config.kafka.articlesTopic, config.kafka.feedsTopic];

/** Feed events and article events travel on their own topics; both are keyed by subject. */
export const topicFor = (config: Config, event: PublishedSitrepEvent): string =>
  event.type === FEED_SUBSCRIBED || event.type === FEED_UNSUBSCRIBED
    ? config.kafka.feedsTopic
    : config.kafka.articlesTopic;

export type TopicsOutcome =
  | { readonly status: 'created' | 'existing'; readonly topics: readonly string[] }
  | { readonly status: 'not-created'; readonly topics: readonly string[]; readonly reason: string };

/**
 * Creates the topics that are missing, with retention forever (the topic is the log). A broker that
 * cannot create topics through the admin API (librdkafka's mock cluster), or that cannot be reached
 * yet, auto-creates them on first use with its own default retention instead: that is reported,
 * not fatal, since the sink and the runners retry on their own.
 */
export const ensureTopics = async (kafka: Kafka, topics: readonly string[]): Promise<TopicsOutcome> => {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return { status: 'existing', topics };
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: 4,
        configEntries: [
          { name: 'retention.ms', value: '-1' },
          { name: 'retention.bytes', value: '-1' },
        ],
      })),
    });
    return { status: 'created', topics: missing };
  } catch (error) {
    return { status: 'not-created', topics, reason: (error as Error).message };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};
