import type { FeedServer, MockKafka } from '@sitrep/testing';
import { rssFeed, startFeedServer, startMockKafka, waitFor } from '@sitrep/testing';
import type { AppProcess } from './support/app-process';
import { startApp } from './support/app-process';
import type { MigratedDatabase } from './support/migrated-database';
import { migratedDatabase } from './support/migrated-database';
import { envOf, testConfig } from './support/test-config';

const item = (n: number) => ({
  guid: `urn:test:outage:${n}`,
  title: `Bulletin ${n}`,
  link: `https://outage.test/${n}`,
  description: `Bulletin ${n}.`,
  pubDate: new Date(Date.UTC(2024, 10, 28, n)).toUTCString(),
});

// Needs a broker it can take away and bring back with its data: its own mock cluster, paused with
// SIGSTOP (connections hang, requests time out) and resumed with SIGCONT.
describe('a broker outage while the poller runs', () => {
  let database: MigratedDatabase;
  let feeds: FeedServer;
  let kafka: MockKafka;
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    [database, feeds, kafka] = await Promise.all([migratedDatabase(), startFeedServer(), startMockKafka()]);
  });
  afterAll(async () => {
    kafka?.resume();
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all([feeds?.close(), kafka?.stop(), database?.drop()]);
  });

  const articleTitles = async (): Promise<string[]> =>
    (await database.pool.query<{ title: string }>('select title from articles order by title')).rows.map(
      (row) => row.title,
    );

  it('loses nothing: the poll fails, the feed state stays, and once the broker is back every item arrives once', async () => {
    feeds.set('/outage.xml', rssFeed({ title: 'Outage', link: 'https://outage.test', items: [1, 2].map(item) }));
    const config = testConfig({
      databaseUrl: database.url,
      kafkaBrokers: [kafka.brokers],
      feeds: [feeds.url('/outage.xml')],
      pollIntervalMs: 500,
      kafka: { ...testConfig({ databaseUrl: null }).kafka, idempotentProducer: false, requestTimeoutMs: 1_500 },
    });
    apps.push(startApp('projector', envOf(config)), startApp('poller', envOf(config)));
    await waitFor(async () => (await articleTitles()).length === 2, {
      timeoutMs: 45_000,
      what: 'the first two bulletins',
    });

    kafka.pause();
    feeds.set('/outage.xml', rssFeed({ title: 'Outage', link: 'https://outage.test', items: [1, 2, 3, 4].map(item) }));
    await waitFor(
      async () =>
        (await database.pool.query<{ last_error: string | null }>('select last_error from feed_poll_state')).rows[0]
          ?.last_error,
      { timeoutMs: 60_000, what: 'a failed poll recorded' },
    );
    const seen = await database.pool.query<{ n: string }>('select count(*) as n from seen_articles');
    expect(Number(seen.rows[0]?.n)).toBe(2);

    kafka.resume();
    await waitFor(async () => (await articleTitles()).length === 4, {
      timeoutMs: 90_000,
      what: 'all four bulletins after the outage',
    });
    expect(await articleTitles()).toEqual(['Bulletin 1', 'Bulletin 2', 'Bulletin 3', 'Bulletin 4']);
    const { rows } = await database.pool.query<{ type: string; n: string }>(
      'select type, count(*) as n from event_log group by type order by type',
    );
    expect(rows.map((row) => [row.type, Number(row.n)])).toEqual([
      ['sitrep.article.ingested', 4],
      ['sitrep.feed.subscribed', 1],
    ]);
  }, 240_000);
});
