import type { Config } from '@sitrep/config';
import type { SitrepEvent } from '@sitrep/events';
import { articleEventsFrom } from '@sitrep/feeds';
import type { FeedServer } from '@sitrep/testing';
import { rssFeed, startFeedServer, uniqueName, waitFor } from '@sitrep/testing';
import { KafkaSink, kafkaFrom } from '@sitrep/transport';
import type { AppProcess } from './support/app-process';
import { startApp } from './support/app-process';
import type { MigratedDatabase } from './support/migrated-database';
import { migratedDatabase } from './support/migrated-database';
import { envOf, testConfig } from './support/test-config';

const brokers = (): string[] => {
  const value = process.env.KAFKA_BROKERS;
  if (!value)
    throw new Error('KAFKA_BROKERS is not set: the global setup starts a mock cluster, or set it to a real broker');
  return value.split(',');
};

/** Each test gets its own topics and consumer group on the shared broker, and its own database. */
const distributedConfig = (database: MigratedDatabase, overrides: Partial<Config> = {}): Config =>
  testConfig({
    databaseUrl: database.url,
    kafkaBrokers: brokers(),
    kafka: {
      ...testConfig({ databaseUrl: null }).kafka,
      articlesTopic: uniqueName('articles'),
      feedsTopic: uniqueName('feeds'),
      groupId: uniqueName('projector'),
    },
    ...overrides,
  });

const item = (n: number) => ({
  guid: `urn:test:dist:${n}`,
  title: `Dispatch ${n}`,
  link: `https://dispatch.test/${n}`,
  description: `Dispatch ${n} from the front.`,
  pubDate: new Date(Date.UTC(2024, 10, 27, 0, n)).toUTCString(),
});

const count = async (database: MigratedDatabase, sql: string): Promise<number> =>
  Number((await database.pool.query<{ n: string }>(sql)).rows[0]?.n);

/** event_log positions run 1..n with no gap and no duplicate id. */
const expectGaplessLog = async (database: MigratedDatabase, n: number): Promise<void> => {
  const { rows } = await database.pool.query<{ position: number; id: string }>(
    'select position, id from event_log order by position',
  );
  expect(rows.map((row) => row.position)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(new Set(rows.map((row) => row.id)).size).toBe(n);
};

describe('distributed: poller, projector and API as separate processes over Kafka', () => {
  let feeds: FeedServer;
  const apps: AppProcess[] = [];
  const databases: MigratedDatabase[] = [];

  beforeAll(async () => {
    feeds = await startFeedServer();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await Promise.all(databases.splice(0).map((database) => database.drop()));
  });
  afterAll(async () => {
    await feeds?.close();
  });

  const database = async () => {
    const created = await migratedDatabase();
    databases.push(created);
    return created;
  };
  const start = (...args: Parameters<typeof startApp>) => {
    const app = startApp(...args);
    apps.push(app);
    return app;
  };

  it('ingests a localhost feed: every item once in /v1/articles, an ArticleIngested each, nothing new after a poller restart', async () => {
    const db = await database();
    feeds.set(
      '/dist.xml',
      rssFeed({ title: 'Dispatch', link: 'https://dispatch.test', items: [1, 2, 3, 4, 5].map(item) }),
    );
    const config = distributedConfig(db, { feeds: [feeds.url('/dist.xml')], port: 0 });
    start('projector', envOf(config));
    let poller = start('poller', envOf(config));
    const api = start('api', envOf({ ...config, port: 0 }));
    const baseUrl = await waitFor(
      async () => /"Nest application successfully started"|listening/i.test(api.output()) && apiUrl(api.output()),
      {
        timeoutMs: 30_000,
        what: 'the API to listen',
      },
    );
    const get = async <T>(path: string): Promise<T> => (await (await fetch(`${baseUrl}${path}`)).json()) as T;

    await waitFor(async () => (await get<{ items: unknown[] }>('/v1/articles')).items.length === 5, {
      timeoutMs: 45_000,
      what: 'five articles through Kafka',
    });
    const ingested = async () =>
      (await get<{ items: { type: string; subject: string }[] }>('/v1/events?limit=1000')).items.filter(
        (e) => e.type === 'sitrep.article.ingested',
      );
    expect(await ingested()).toHaveLength(5);

    expect(await poller.stop()).toBe(0);
    const pollsBefore = feeds.requests('/dist.xml').total;
    poller = start('poller', envOf(config));
    await waitFor(async () => feeds.requests('/dist.xml').total > pollsBefore + 1, {
      timeoutMs: 30_000,
      what: 'the restarted poller to poll',
    });
    expect((await get<{ items: unknown[] }>('/v1/articles')).items).toHaveLength(5);
    expect(await ingested()).toHaveLength(5);
    const health = await get<{ status: string; kafka: { ok: boolean } }>('/v1/health');
    expect(health).toEqual(expect.objectContaining({ status: 'ok', kafka: expect.objectContaining({ ok: true }) }));
  }, 120_000);

  it('ends with every article exactly once and a gapless log after the projector is SIGKILLed mid-stream', async () => {
    const db = await database();
    const config = distributedConfig(db);
    const total = 1_500;
    await publishArticles(config, total, 'kill');

    const first = start('projector', envOf({ ...config, logLevel: 'warn' }));
    await waitFor(async () => (await count(db, 'select count(*) as n from event_log')) >= 100, {
      timeoutMs: 30_000,
      what: 'some events projected',
    });
    await first.kill();
    expect(await count(db, 'select count(*) as n from event_log')).toBeLessThan(total);

    start('projector', envOf(config));
    await waitFor(async () => (await count(db, 'select count(*) as n from articles')) === total, {
      timeoutMs: 90_000,
      what: 'every article',
    });
    await expectGaplessLog(db, total);
    expect(await count(db, 'select count(distinct id) as n from articles')).toBe(total);
    expect(await count(db, 'select count(*) as n from dead_letters')).toBe(0);
  }, 180_000);

  it('shares the partitions between several projectors of one group, each event applied once', async () => {
    const db = await database();
    const config = distributedConfig(db);
    const total = 1_000;
    const projectors = [start('projector', envOf(config)), start('projector', envOf(config))];
    // Publish once both have joined the group, so that the partitions are split between them from
    // the start rather than taken by whichever joined first.
    await waitFor(() => projectors.every((projector) => projector.output().includes('projector started')), {
      timeoutMs: 60_000,
      what: 'both projectors in the group',
    });
    await publishArticles(config, total, 'shared');
    await waitFor(async () => (await count(db, 'select count(*) as n from articles')) === total, {
      timeoutMs: 90_000,
      what: 'every article',
    });
    await expectGaplessLog(db, total);
    // Each projector applied batches of its own partitions: the checkpoints name all four topic
    // partitions, and the two processes' logs name disjoint, non-empty sets of them.
    const partitionsOf = (output: string) =>
      new Set([...output.matchAll(/batch applied stream=\S+ partition=(\d+)/g)].map((match) => match[1]));
    const [first, second] = projectors.map((projector) => partitionsOf(projector.output()));
    expect(first?.size).toBeGreaterThan(0);
    expect(second?.size).toBeGreaterThan(0);
    expect([...(first ?? [])].filter((partition) => second?.has(partition))).toEqual([]);
    expect(
      await count(db, `select count(*) as n from checkpoints where stream = '${config.kafka.articlesTopic}'`),
    ).toBe(4);
  }, 180_000);
});

/** Publishes `total` ArticleIngested events straight to the config's topic, as a poller would. */
const publishArticles = async (config: Config, total: number, prefix: string): Promise<void> => {
  const articles = Array.from({ length: total }, (_, n) => ({
    articleId: `a_${prefix}_${n}`,
    feedUrl: `https://${prefix}.test/feed`,
    outlet: 'Test',
    title: `Item ${n}`,
    link: null,
    publishedAt: '2024-11-28T00:00:00.000Z',
    text: `Body ${n}`,
    contentHash: `hash-${n}`,
    language: null,
    authors: [],
  }));
  const events: SitrepEvent[] = articleEventsFrom(articles, new Map(), new Date('2024-11-28T00:00:00Z'));
  const sink = new KafkaSink(kafkaFrom(config), config);
  for (let i = 0; i < events.length; i += 250) await sink.publish(events.slice(i, i + 250));
  await sink.close();
};

/** The API logs the address it listens on; find it in the output. */
const apiUrl = (output: string): string | false => {
  const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
  return match?.[1] ?? false;
};
