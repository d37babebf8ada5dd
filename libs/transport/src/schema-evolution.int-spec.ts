import type { ArticleIngestedV1, PublishedSitrepEvent } from '@sitrep/events';
import {
  ARTICLE_INGESTED,
  ARTICLE_REVISED,
  dataschemaOf,
  deterministicEventId,
  EVENT_SOURCE,
  upcast,
} from '@sitrep/events';
import { ALL_PROJECTIONS } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { appendEvents, createPool, inTransaction, listLogEntries, migrate, verifyChain } from '@sitrep/storage';
import { createTestDatabase } from '@sitrep/testing';
import { rebuildProjections } from './rebuild-projections';

// Issue 4, schema evolution: a log that mixes ArticleIngested v1 and v2 (as a log written before and
// after the poller moved to v2 does) replays to the same read models as that log with every event
// at v2. The log itself keeps each event as written.

const STORIES = [
  'The Syrian Observatory for Human Rights said at least 242 people had been killed since the offensive began on Wednesday.',
  'The fighters captured Saraqeb on Friday and reached the outskirts of Aleppo, the war monitor said.',
  'Thousands of families fled south as Russian warplanes carried out airstrikes on Idlib city overnight, residents said.',
  'The toll rose to 412 killed, including 61 civilians, the Syrian Observatory for Human Rights said on Sunday.',
];

const dayOf = (n: number, hour: number): string => new Date(Date.UTC(2024, 10, 27 + n, hour)).toISOString();

const v1Article = (n: number, text: string, revisionOf?: string): PublishedSitrepEvent => {
  const type = revisionOf === undefined ? ARTICLE_INGESTED : ARTICLE_REVISED;
  const data: ArticleIngestedV1 = {
    articleId: `a_${n}`,
    feedUrl: 'https://wire.test/rss',
    outlet: 'Wire',
    title: `Wire report ${n}`,
    link: `https://wire.test/${n}`,
    publishedAt: dayOf(n, 8),
    text,
    contentHash: deterministicEventId(text),
  };
  return {
    specversion: '1.0',
    id: deterministicEventId(type, `a_${n}`, text),
    type,
    source: EVENT_SOURCE,
    subject: `a_${n}`,
    time: dayOf(n, 9),
    datacontenttype: 'application/json',
    dataschema: dataschemaOf(type, 1),
    dataversion: 1,
    data: revisionOf === undefined ? data : { ...data, previousContentHash: revisionOf },
  } as PublishedSitrepEvent;
};

/** The same history, as written before v2 (v1 for articles 0 and 1) and after (v2 for the rest). */
const history = (): PublishedSitrepEvent[] => {
  const events = STORIES.map((text, n) => v1Article(n, text));
  const revised = `${STORIES[0]} Another 20 were injured.`;
  events.push(v1Article(0, revised, deterministicEventId(STORIES[0] ?? '')));
  return events;
};
const mixed = (): PublishedSitrepEvent[] => history().map((event, n) => (n % 2 === 0 ? event : upcast(event)));
const allV2 = (): PublishedSitrepEvent[] => history().map((event) => upcast(event));

const readModels = async (pool: Pool): Promise<Record<string, unknown[]>> => {
  const tables = ALL_PROJECTIONS.flatMap((projection) => projection.tables);
  const contents: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await pool.query(`select * from ${table}`);
    contents[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return contents;
};

describe('a log mixing ArticleIngested v1 and v2', () => {
  const databases: { pool: Pool; drop: () => Promise<void> }[] = [];

  const logOf = async (events: readonly PublishedSitrepEvent[]): Promise<Pool> => {
    const database = await createTestDatabase();
    const pool = createPool(database.url);
    databases.push({ pool, drop: database.drop });
    await migrate(pool);
    await inTransaction(pool, (client) => appendEvents(client, events));
    // recorded_at is the append's clock, the "known time" the read models keep: the same in both logs.
    await pool.query(
      `update event_log set recorded_at = '2024-12-01T00:00:00Z'::timestamptz + position * interval '1 minute'`,
    );
    return pool;
  };

  afterEach(async () => {
    for (const { pool, drop } of databases.splice(0)) {
      await pool.end();
      await drop();
    }
  });

  it('replays to the same read models as the log with every event at v2', async () => {
    const mixedLog = await logOf(mixed());
    const v2Log = await logOf(allV2());

    await rebuildProjections(mixedLog, ALL_PROJECTIONS);
    await rebuildProjections(v2Log, ALL_PROJECTIONS);

    const [fromMixed, fromV2] = [await readModels(mixedLog), await readModels(v2Log)];
    expect(fromMixed).toEqual(fromV2);
    expect(fromMixed.articles).toHaveLength(STORIES.length);
    expect(fromMixed.facts?.length).toBeGreaterThan(0);
    const { rows } = await mixedLog.query<{ id: string; language: string | null; authors: string[]; revision: number }>(
      `select id, language, authors, revision from articles where id = 'a_0'`,
    );
    expect(rows).toEqual([{ id: 'a_0', language: null, authors: [], revision: 2 }]);
  });

  it('keeps each event in the log as it was written, version and all, and its chain intact', async () => {
    const mixedLog = await logOf(mixed());
    const { items } = await listLogEntries(mixedLog, { after: 0, limit: 100 });

    expect(items.map((item) => item.dataversion)).toEqual([1, 2, 1, 2, 1]);
    expect(items[0]?.data).not.toHaveProperty('language');
    expect(items[1]?.data).toMatchObject({ language: null, authors: [] });
    expect(await verifyChain(mixedLog)).toMatchObject({ intact: true, events: 5 });
  });

  it('gives projections the language and authors of a v2 event', async () => {
    const v1 = v1Article(9, 'Residents said the city was quiet.');
    const v2 = upcast(v1);
    if (v2.type !== ARTICLE_INGESTED) throw new Error('expected ArticleIngested');
    const pool = await logOf([{ ...v2, data: { ...v2.data, language: 'ar', authors: ['Jane Doe', 'John Roe'] } }]);
    await rebuildProjections(pool, ALL_PROJECTIONS);
    const { rows } = await pool.query<{ language: string | null; authors: string[] }>(
      `select language, authors from articles where id = 'a_9'`,
    );
    expect(rows).toEqual([{ language: 'ar', authors: ['Jane Doe', 'John Roe'] }]);
  });
});
