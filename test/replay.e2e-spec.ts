import type { FeedServer } from '@sitrep/testing';
import { rssFeed, startFeedServer, waitFor } from '@sitrep/testing';
import { execFile } from 'node:child_process';
import type { MigratedDatabase } from './support/migrated-database';
import { migratedDatabase } from './support/migrated-database';
import type { RunningSitrep } from './support/sitrep-harness';
import { startSitrep } from './support/sitrep-harness';
import { testConfig } from './support/test-config';

// Issue 4, "Done when": a replay while the API is being queried in a loop: every response is either
// the old or the new read model, never a mix or an empty one, and ingestion continues.

const ARTICLES = 150;
// The old read model is told from the rebuilt one by hand-made changes: titles prefixed, figures inflated.
const TAMPER = 100_000;

const report = (n: number) => ({
  guid: `urn:test:replay:${n}`,
  title: `Report ${n} from the front`,
  link: `https://wire.test/replay/${n}`,
  description: `<p>At least ${n} people were killed in Aleppo, the Syrian Observatory for Human Rights said.</p>`,
  pubDate: new Date(Date.UTC(2024, 10, 29, 0, n)).toUTCString(),
});

interface Page {
  items: { id: string; title: string }[];
}
interface State {
  metrics: Record<string, { value: number } | null>;
}

/** `sitrep replay …` as an operator runs it, beside the running Sitrep. */
const replay = (databaseUrl: string, args: string[], onStart: () => void) =>
  new Promise<{ code: number | null; stdout: string; stderr: string; endedAt: number }>((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', './scripts/register.mjs', 'apps/cli/src/main.ts', 'replay', ...args],
      { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
          endedAt: Date.now(),
        }),
    );
    // Its first progress line: the scratch tables exist and the build has begun.
    child.stderr?.once('data', onStart);
  });

describe('replay while the API serves and ingestion goes on (embedded)', () => {
  let database: MigratedDatabase;
  let feeds: FeedServer;
  let sitrep: RunningSitrep;
  const items = Array.from({ length: ARTICLES }, (_, n) => report(n + 1));

  beforeAll(async () => {
    database = await migratedDatabase();
    feeds = await startFeedServer();
    feeds.set('/wire.xml', rssFeed({ title: 'Wire', link: 'https://wire.test', items }));
    sitrep = await startSitrep(testConfig({ databaseUrl: database.url, feeds: [feeds.url('/wire.xml')] }));
    await waitFor(async () => (await sitrep.get<Page>('/v1/articles?limit=200')).body.items.length === ARTICLES, {
      what: `${ARTICLES} articles`,
      timeoutMs: 30_000,
    });
  }, 60_000);

  afterAll(async () => {
    await sitrep?.close();
    await feeds?.close();
    await database?.drop();
  });

  it('serves the old read model or the new one, never a mix or none, and keeps ingesting', async () => {
    await waitFor(async () => (await sitrep.get<State>('/v1/offensive/state')).body.metrics['killed.total'], {
      what: 'a killed.total headline',
    });
    await database.pool.query(`update articles set title = 'old ' || title`);
    await database.pool.query(`update facts set value = value + ${TAMPER} where value is not null`);

    const articlesSeen: string[] = [];
    const stateSeen: string[] = [];
    let replaying = true;
    const querying = (async () => {
      while (replaying) {
        const page = await sitrep.get<Page>('/v1/articles?limit=200');
        const initial = page.body.items.filter((item) => item.title !== 'Report 999 from the front');
        const old = initial.filter((item) => item.title.startsWith('old ')).length;
        articlesSeen.push(
          page.status !== 200 || initial.length < ARTICLES
            ? `status ${page.status}, ${initial.length} articles`
            : old === ARTICLES
              ? 'old'
              : old === 0
                ? 'new'
                : `mixed: ${old} old`,
        );
        const state = await sitrep.get<State>('/v1/offensive/state');
        const values = Object.values(state.body.metrics ?? {}).flatMap((headline) =>
          headline ? [headline.value] : [],
        );
        const inflated = values.filter((value) => value >= TAMPER).length;
        stateSeen.push(
          state.status !== 200 || values.length === 0
            ? `status ${state.status}, ${values.length} metrics`
            : inflated === values.length
              ? 'old'
              : inflated === 0
                ? 'new'
                : `mixed: ${inflated} of ${values.length} inflated`,
        );
      }
    })();

    const run = await replay(database.url, ['--batch-size', '2'], () =>
      // Published during the replay: the poller must go on ingesting it.
      // It reports no figure, so that the old read model's headlines stay the inflated ones.
      feeds.set(
        '/wire.xml',
        rssFeed({
          title: 'Wire',
          link: 'https://wire.test',
          items: [...items, { ...report(999), description: '<p>Fighting continued near the front line.</p>' }],
        }),
      ),
    );
    await waitFor(() => articlesSeen.at(-1) === 'new' && stateSeen.at(-1) === 'new', {
      what: 'the API to serve the rebuilt read model',
    });
    replaying = false;
    await querying;

    expect(run.stderr).toMatch(/^replay feeds,articles,syndication,facts,places,timeline 0\/\d+ events/m);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ source: 'event_log', deadLettered: 0 });
    for (const seen of [articlesSeen, stateSeen]) {
      expect(seen.filter((state) => state !== 'old' && state !== 'new')).toEqual([]);
      expect(seen[0]).toBe('old');
      expect(seen.slice(seen.indexOf('new'))).not.toContain('old');
    }
    // Ingestion went on: the article published during the replay was logged before it ended, and is served.
    const latest = await waitFor(
      async () =>
        (await sitrep.get<Page>('/v1/articles?limit=1')).body.items.find(
          (item) => item.title === 'Report 999 from the front',
        ),
      { what: 'the article published during the replay' },
    );
    const { rows } = await database.pool.query<{ recorded_at: string }>(
      'select recorded_at from event_log where subject = $1',
      [latest.id],
    );
    expect(Date.parse(rows[0]?.recorded_at ?? '')).toBeLessThan(run.endedAt);
  }, 120_000);
});
