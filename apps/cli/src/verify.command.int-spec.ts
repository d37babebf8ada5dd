import type { PublishedSitrepEvent } from '@sitrep/events';
import { ALL_PROJECTIONS } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { createPool, migrate } from '@sitrep/storage';
import { createTestDatabase, testArticleIngested } from '@sitrep/testing';
import { EventLogRunner, EventLogSink, verifyProjections } from '@sitrep/transport';
import { execFile } from 'node:child_process';

// Issue 4, "Done when": two rebuilds from the same log give equal digests and `verify` exits 0; a row
// of a read model changed by hand makes `verify` exit 1 and name it.

const article = (n: number): PublishedSitrepEvent =>
  testArticleIngested(n, {
    idPrefix: 'verify',
    time: `2024-11-${String(20 + n).padStart(2, '0')}T08:00:00.000Z`,
    feedUrl: 'https://wire.test/rss',
    outlet: 'Wire',
    title: `Fighting near Aleppo, day ${n}`,
    text:
      `At least ${n * 10 + 4} people were killed in Aleppo, the Syrian Observatory for Human Rights said. ` +
      `Insurgents captured Saraqib, and ${n * 1000} people were displaced.`,
  });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `sitrep verify` as an auditor runs it: a child process on the database's URL. */
const verify = (databaseUrl: string): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './scripts/register.mjs', 'apps/cli/src/main.ts', 'verify'],
      {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

describe('sitrep verify', () => {
  const ARTICLES = 6;
  let pool: Pool;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    ({ url, drop } = database);
    pool = createPool(url);
    await migrate(pool);
    await new EventLogSink(pool).publish(Array.from({ length: ARTICLES }, (_, n) => article(n + 1)));
    await new EventLogRunner(pool, ALL_PROJECTIONS, { consumer: 'projector' }).catchUp();
  });
  afterAll(async () => {
    await pool.end();
    await drop();
  });

  it('gives equal digests for two rebuilds from the same log, equal to the live read models', async () => {
    const first = await verifyProjections(pool, ALL_PROJECTIONS);
    const second = await verifyProjections(pool, ALL_PROJECTIONS, { batchSize: 2 });

    expect(first.differs).toBe(false);
    expect(first.upTo).toBe(ARTICLES);
    const digests = (outcome: typeof first) => outcome.tables.map(({ table, rebuilt }) => [table, rebuilt]);
    expect(digests(second)).toEqual(digests(first));
    expect(first.tables.map(({ table, live }) => [table, live])).toEqual(digests(first));
    // Not a comparison of empty tables: the articles gave facts, places and developments.
    const rows = Object.fromEntries(first.tables.map(({ table, live }) => [table, live.rows]));
    expect(rows).toMatchObject({ articles: ARTICLES, fact_articles: ARTICLES, article_fingerprints: ARTICLES });
    expect(rows.facts).toBeGreaterThan(ARTICLES);
    expect(rows.place_mentions).toBeGreaterThan(0);
  });

  it('exits 0 and prints ok for every table when the read models are what the log makes', async () => {
    const run = await verify(url);

    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    for (const table of ALL_PROJECTIONS.flatMap((p) => p.tables))
      expect(run.stdout).toMatch(new RegExp(`^${table} +ok +\\d+ rows +sha256 [0-9a-f]{64}$`, 'm'));
    expect(run.stdout).toContain(`all ${ALL_PROJECTIONS.flatMap((p) => p.tables).length} tables equal their rebuild`);
  });

  it('exits 1 and names the table and the key of each row changed, removed or added by hand', async () => {
    await pool.query(`update facts set value = value + 1 where article_id = 'a_2' and ordinal = 0`);
    await pool.query(`delete from articles where id = 'a_3'`);
    await pool.query(`insert into place_articles (article_id, event_position) values ('a_99', 99)`);

    const run = await verify(url);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^facts +DIFFERS/m);
    expect(run.stdout).toContain('facts article_id=a_2 ordinal=0: changed');
    expect(run.stdout).toMatch(/^articles +DIFFERS +5 rows live, 6 rebuilt$/m);
    expect(run.stdout).toContain('articles id=a_3: missing');
    expect(run.stdout).toContain('place_articles article_id=a_99: extra');
    expect(run.stdout).toMatch(/^developments +ok/m);
    expect(run.stdout).toContain('3 of 9 tables differ');
  });

  it('leaves the database as it found it: no scratch schema, no dead letters', async () => {
    const { rows } = await pool.query<{ schemas: number; letters: number }>(
      `select (select count(*)::int from pg_namespace where nspname like 'sitrep_rebuild_%') as schemas,
              (select count(*)::int from dead_letters) as letters`,
    );
    expect(rows[0]).toEqual({ schemas: 0, letters: 0 });
  });
});
