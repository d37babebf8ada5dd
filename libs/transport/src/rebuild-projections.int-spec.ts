import type { PublishedSitrepEvent } from '@sitrep/events';
import { ALL_PROJECTIONS, articlesProjection, factsProjection, feedsProjection } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { createPool, migrate } from '@sitrep/storage';
import { createTestDatabase, testArticleIngested, waitFor } from '@sitrep/testing';
import { EventLogRunner } from './event-log-runner';
import { EventLogSink } from './event-log-sink';
import type { RebuildProgress } from './rebuild-projections';
import { rebuildProjections } from './rebuild-projections';

const article = (n: number): PublishedSitrepEvent =>
  testArticleIngested(n, {
    idPrefix: 'rebuild',
    time: '2024-11-29T00:00:00.000Z',
    text: `At least ${n + 1} people were killed in Aleppo, the Syrian Observatory for Human Rights said.`,
  });

describe('rebuildProjections (issue 4: replay without downtime)', () => {
  let pool: Pool;
  let url: string;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    url = database.url;
    pool = createPool(database.url);
    await migrate(pool);
  });
  afterEach(async () => {
    await pool.end();
    await drop();
  });

  const titles = async (db: Pick<Pool, 'query'> = pool): Promise<string[]> =>
    (await db.query<{ title: string }>('select title from articles order by id')).rows.map((row) => row.title);
  const scratchSchemas = async (): Promise<string[]> =>
    (
      await pool.query<{ name: string }>(
        `select nspname as name from pg_namespace where nspname like 'sitrep_rebuild_%'`,
      )
    ).rows.map((row) => row.name);

  it('restores a read model changed by hand, reporting its progress, and leaves no scratch schema', async () => {
    await new EventLogSink(pool).publish([1, 2, 3].map(article));
    await new EventLogRunner(pool, [feedsProjection, articlesProjection], { consumer: 'projector' }).catchUp();
    await pool.query(`update articles set title = 'tampered' where id = 'a_2'`);
    await pool.query(`delete from articles where id = 'a_3'`);

    const progress: RebuildProgress[] = [];
    const outcome = await rebuildProjections(pool, [articlesProjection], {
      batchSize: 1,
      onProgress: (p) => void progress.push(p),
    });

    expect(outcome).toEqual({
      projections: ['articles'],
      source: 'event_log',
      fromTime: null,
      events: 3,
      deadLettered: 0,
      upTo: 3,
    });
    expect(progress.map(({ done, total }) => [done, total])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
      [3, 3],
    ]);
    expect(await titles()).toEqual(['Title 1', 'Title 2', 'Title 3']);
    expect(await scratchSchemas()).toEqual([]);
  });

  it('keeps the names of the indexes and constraints the migrations made', async () => {
    const indexes = async () =>
      (
        await pool.query<{ name: string; table: string }>(
          `select indexname as name, tablename as table from pg_indexes where schemaname = 'public'
           order by tablename, indexname`,
        )
      ).rows;
    const before = await indexes();
    await rebuildProjections(pool, ALL_PROJECTIONS);
    expect(await indexes()).toEqual(before);
    expect(before).toContainEqual({ name: 'articles_newest_first', table: 'articles' });
  });

  it('lets ingestion and the live projector go on while it builds, and readers see the old rows or the new, never a mix or none', async () => {
    const INITIAL = 120;
    const sink = new EventLogSink(pool);
    const live = new EventLogRunner(pool, ALL_PROJECTIONS, { consumer: 'projector' });
    await sink.publish(Array.from({ length: INITIAL }, (_, n) => article(n)));
    await live.catchUp();
    // The old read model is told from the rebuilt one by its titles.
    await pool.query(`update articles set title = 'old ' || title`);

    const reader = createPool(url, 1);
    const seen: string[] = [];
    let rebuilding = true;
    const reading = (async () => {
      while (rebuilding) {
        const rows = await titles(reader);
        const old = rows.filter((title) => title.startsWith('old ')).length;
        seen.push(
          rows.length < INITIAL ? `only ${rows.length}` : old === INITIAL ? 'old' : old === 0 ? 'new' : `mixed ${old}`,
        );
      }
    })();

    let ingestedDuringBuild = false;
    await rebuildProjections(pool, ALL_PROJECTIONS, {
      batchSize: 10,
      onProgress: async ({ phase, done }) => {
        if (phase !== 'apply' || done !== 50) return;
        // Mid-build: an append and a live batch both commit (they would wait forever on a lock the
        // rebuild held), and the readers still see the old read model with the new article in it.
        await sink.publish([article(500)]);
        await live.catchUp();
        expect(await titles()).toContain('Title 500');
        ingestedDuringBuild = true;
      },
    });
    await waitFor(() => seen.includes('new'), { what: 'a reader to see the rebuilt read model' });
    rebuilding = false;
    await reading;
    await reader.end();

    expect(ingestedDuringBuild).toBe(true);
    expect(seen.filter((state) => state !== 'old' && state !== 'new')).toEqual([]);
    expect(seen.indexOf('new')).toBeGreaterThan(0);
    expect(seen.slice(seen.indexOf('new'))).not.toContain('old');
    // The article appended during the build is in the rebuilt model (applied in the final transaction).
    expect(await titles()).toContain('Title 500');
    expect((await titles()).filter((title) => title.startsWith('old '))).toEqual([]);
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from fact_articles`);
    expect(rows[0]?.n).toBe(INITIAL + 1);
  });

  it('rebuilds from a time in the event log: only the events recorded from then on', async () => {
    await new EventLogSink(pool).publish([1, 2, 3, 4].map(article));
    await pool.query(`update event_log set recorded_at = '2024-12-01T00:00:00Z' where position <= 2`);
    await pool.query(`update event_log set recorded_at = '2024-12-02T00:00:00Z' where position > 2`);
    await new EventLogRunner(pool, [articlesProjection, factsProjection], { consumer: 'projector' }).catchUp();

    const outcome = await rebuildProjections(pool, [articlesProjection], { fromTime: '2024-12-02T00:00:00.000Z' });

    expect(outcome).toMatchObject({ events: 2, upTo: 4 });
    expect(await titles()).toEqual(['Title 3', 'Title 4']);
  });

  it('refuses to run beside another rebuild', async () => {
    const refusals: string[] = [];
    await new EventLogSink(pool).publish([1, 2, 3].map(article));
    await rebuildProjections(pool, [articlesProjection], {
      batchSize: 1,
      onProgress: async ({ done }) => {
        if (done === 1)
          refusals.push(await rebuildProjections(pool, [articlesProjection]).then(String, (e: Error) => e.message));
      },
    });
    expect(refusals).toEqual([expect.stringMatching(/^REBUILD_BUSY/)]);
  });
});
