import type { SitrepEvent } from '@sitrep/events';
import { ARTICLE_INGESTED, dataschemaOf, deterministicEventId, EVENT_SOURCE } from '@sitrep/events';
import { articlesProjection, feedsProjection } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { createPool, migrate } from '@sitrep/storage';
import { createTestDatabase } from '@sitrep/testing';
import { EventLogRunner } from './event-log-runner';
import { EventLogSink } from './event-log-sink';
import { rebuildProjections } from './rebuild-projections';

const article = (n: number): SitrepEvent => ({
  specversion: '1.0',
  id: deterministicEventId('rebuild', String(n)),
  type: ARTICLE_INGESTED,
  source: EVENT_SOURCE,
  subject: `a_${n}`,
  time: '2024-11-29T00:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: dataschemaOf(ARTICLE_INGESTED, 1),
  dataversion: 1,
  data: {
    articleId: `a_${n}`,
    feedUrl: 'https://feed.test',
    outlet: 'Test',
    title: `Title ${n}`,
    link: null,
    publishedAt: '2024-11-29T00:00:00.000Z',
    text: `Text ${n}`,
    contentHash: `h_${n}`,
  },
});

describe('rebuildProjections', () => {
  let pool: Pool;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pool = createPool(database.url);
    await migrate(pool);
  });
  afterEach(async () => {
    await pool.end();
    await drop();
  });

  const titles = async (db: Pick<Pool, 'query'> = pool): Promise<string[]> =>
    (await db.query<{ title: string }>('select title from articles order by id')).rows.map((row) => row.title);

  it('restores a read model changed by hand, and readers see the old rows until it commits', async () => {
    await new EventLogSink(pool).publish([1, 2, 3].map(article));
    await new EventLogRunner(pool, [feedsProjection, articlesProjection], { consumer: 'projector' }).catchUp();
    await pool.query(`update articles set title = 'tampered' where id = 'a_2'`);
    await pool.query(`delete from articles where id = 'a_3'`);

    const progress: number[] = [];
    const rebuilt = rebuildProjections(pool, [articlesProjection], {
      batchSize: 1,
      onProgress: ({ done }) => progress.push(done),
    });
    const outcome = await rebuilt;
    expect(outcome).toEqual({ projections: ['articles'], events: 3, deadLettered: 0, upTo: 3 });
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(await titles()).toEqual(['Title 1', 'Title 2', 'Title 3']);
  });

  it('never shows a reader an empty or half-built read model', async () => {
    await new EventLogSink(pool).publish(Array.from({ length: 200 }, (_, n) => article(n)));
    await new EventLogRunner(pool, [articlesProjection], { consumer: 'projector' }).catchUp();
    const reader = createPool((pool.options as { connectionString: string }).connectionString, 1);
    const seen = new Set<number>();
    let rebuilding = true;
    const reading = (async () => {
      while (rebuilding) seen.add((await titles(reader)).length);
    })();
    await rebuildProjections(pool, [articlesProjection], { batchSize: 10 });
    rebuilding = false;
    await reading;
    await reader.end();
    expect([...seen]).toEqual([200]);
  });
});
