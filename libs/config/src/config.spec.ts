import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the embedded default when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toEqual(
      expect.objectContaining({
        databaseUrl: null,
        kafkaBrokers: null,
        feeds: [],
        port: 3000,
        pollIntervalMs: 60_000,
        apiKey: null,
      }),
    );
    expect(Object.isFrozen(config) && Object.isFrozen(config.kafka)).toBe(true);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/sitrep',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      SITREP_FEEDS: 'https://a.test/rss, file:///tmp/feed.xml',
      SITREP_POLL_INTERVAL: '2.5',
      PORT: '8080',
      SITREP_API_KEY: 'secret',
      SITREP_DATA_DIR: '/var/sitrep',
    });
    expect(config).toEqual(
      expect.objectContaining({
        databaseUrl: 'postgres://u@db:5432/sitrep',
        kafkaBrokers: ['k1:9092', 'k2:9092'],
        feeds: ['https://a.test/rss', 'file:///tmp/feed.xml'],
        pollIntervalMs: 2_500,
        port: 8080,
        apiKey: 'secret',
        dataDir: '/var/sitrep',
      }),
    );
  });

  it('lists every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        KAFKA_BROKERS: 'nohost',
        SITREP_FEEDS: 'ftp://x',
        SITREP_POLL_INTERVAL: 'soon',
        PORT: '99999',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'PORT',
      'SITREP_FEEDS',
      'SITREP_POLL_INTERVAL',
    ]);
    expect((error as Error).message).toContain('found "soon"');
  });
});
