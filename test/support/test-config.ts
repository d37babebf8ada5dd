import type { Config } from '@sitrep/config';

/** A Config literal for tests: fast polling, port 0, the given database; override what a test needs. */
export const testConfig = (overrides: Partial<Config> & Pick<Config, 'databaseUrl'>): Config => ({
  kafkaBrokers: null,
  kafka: {
    clientId: 'sitrep-test',
    articlesTopic: 'sitrep.articles',
    feedsTopic: 'sitrep.feeds',
    groupId: 'sitrep-projector',
    idempotentProducer: process.env.KAFKA_IDEMPOTENT !== 'false',
    requestTimeoutMs: 5_000,
    sessionTimeoutMs: 6_000,
  },
  dataDir: '/nonexistent',
  feeds: [],
  pollIntervalMs: 300,
  pollConcurrency: 4,
  fetch: { timeoutMs: 5_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 },
  port: 0,
  host: '127.0.0.1',
  apiKey: 'test-key',
  logLevel: 'silent',
  ...overrides,
});

/** The same configuration as the environment of an app process (what loadConfig reads). */
export const envOf = (config: Config): Record<string, string> => ({
  ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
  ...(config.kafkaBrokers ? { KAFKA_BROKERS: config.kafkaBrokers.join(',') } : {}),
  SITREP_ARTICLES_TOPIC: config.kafka.articlesTopic,
  SITREP_FEEDS_TOPIC: config.kafka.feedsTopic,
  SITREP_PROJECTOR_GROUP: config.kafka.groupId,
  KAFKA_IDEMPOTENT: String(config.kafka.idempotentProducer),
  KAFKA_REQUEST_TIMEOUT_MS: String(config.kafka.requestTimeoutMs),
  KAFKA_SESSION_TIMEOUT_MS: String(config.kafka.sessionTimeoutMs),
  SITREP_FEEDS: config.feeds.join(','),
  SITREP_POLL_INTERVAL: String(config.pollIntervalMs / 1000),
  PORT: String(config.port),
  HOST: config.host,
  ...(config.apiKey ? { SITREP_API_KEY: config.apiKey } : {}),
  LOG_LEVEL: config.logLevel === 'silent' ? 'info' : config.logLevel,
});
