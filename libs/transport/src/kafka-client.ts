import type { Config } from '@sitrep/config';
import type { PublishedSitrepEvent } from '@sitrep/events';
import { FEED_SUBSCRIBED, FEED_UNSUBSCRIBED } from '@sitrep/events';
import type { Admin, Kafka } from 'kafkajs';
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

/**
 * Creates the topics with retention forever (the topic is the log). A broker that cannot create
 * topics through the admin API (librdkafka's mock cluster) auto-creates them on first use instead;
 * that is reported, not fatal.
 */
export const ensureTopics = async (
  admin: Admin,
  topics: readonly string[],
): Promise<'created' | 'existing' | 'unsupported'> => {
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return 'existing';
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
    return 'created';
  } catch {
    return 'unsupported';
  }
};
