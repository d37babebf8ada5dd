import type { ArticleIngestedV1, PublishedSitrepEvent, StoredEvent } from '@sitrep/events';
import {
  ARTICLE_INGESTED,
  ARTICLE_REVISED,
  dataschemaOf,
  deterministicEventId,
  EVENT_SOURCE,
  upcast,
} from '@sitrep/events';
import type { Pool } from '@sitrep/storage';
import { createPool, inTransaction, migrate } from '@sitrep/storage';
import { createTestDatabase } from '@sitrep/testing';
import { articlesProjection } from '../articles/articles.projection';
import { factsOfArticle, listFacts } from '../facts/facts.queries';
import { factsProjection } from '../facts/facts.projection';
import { getPlaces } from '../places/places.queries';
import { placesProjection } from '../places/places.projection';
import { syndicationProjection } from '../syndication/syndication.projection';
import { getTimeline } from '../timeline/timeline.queries';
import { timelineProjection } from '../timeline/timeline.projection';
import { getMetricHistory, getOffensiveState } from './offensive.queries';

const PROJECTIONS = [articlesProjection, syndicationProjection, factsProjection, placesProjection, timelineProjection];

const WIRE_STORY =
  'The Syrian Observatory for Human Rights said at least 242 people had been killed since jihadists and their allies launched ' +
  'a major offensive against government forces in northern Syria on Wednesday. The fighters captured Saraqeb on Friday and ' +
  'reached the outskirts of Aleppo, the war monitor said, adding that they were now less than 10 kilometres from Aleppo. ' +
  'Russian warplanes carried out airstrikes on Idlib city overnight, residents said, as thousands of families fled south.';

let position = 0;
const article = (
  articleId: string,
  {
    text,
    publishedAt,
    outlet = 'Wire',
    revisionOf,
  }: { text: string; publishedAt: string; outlet?: string; revisionOf?: string },
): StoredEvent => {
  position += 1;
  const data: ArticleIngestedV1 = {
    articleId,
    feedUrl: `https://${outlet.toLowerCase()}.test/rss`,
    outlet,
    title: `${outlet} report`,
    link: null,
    publishedAt,
    text,
    contentHash: deterministicEventId(text),
  };
  const type = revisionOf === undefined ? ARTICLE_INGESTED : ARTICLE_REVISED;
  const event = {
    specversion: '1.0',
    id: deterministicEventId(articleId, text),
    type,
    source: EVENT_SOURCE,
    subject: articleId,
    time: publishedAt,
    datacontenttype: 'application/json',
    dataschema: dataschemaOf(type, 1),
    dataversion: 1,
    data: revisionOf === undefined ? data : { ...data, previousContentHash: revisionOf },
  } as PublishedSitrepEvent;
  return {
    position,
    event: upcast(event),
    recordedAt: new Date(Date.parse(publishedAt) + 3_600_000).toISOString(),
    hash: 'h',
  };
};

describe('read models of the offensive, in PostgreSQL', () => {
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

  const apply = async (...events: StoredEvent[]): Promise<void> => {
    for (const stored of events) {
      await inTransaction(pool, async (client) => {
        for (const projection of PROJECTIONS) {
          for (const statement of projection.evolve(stored)) await client.query(statement.text, [...statement.values]);
        }
      });
    }
  };
  const snapshot = async (): Promise<unknown> => ({
    facts: (await pool.query('select * from facts order by article_id, ordinal')).rows,
    places: (await pool.query('select * from place_mentions order by article_id, place')).rows,
    developments: (await pool.query('select * from developments order by article_id, ordinal')).rows,
    clusters: (await pool.query('select article_id, cluster_id from article_fingerprints order by article_id')).rows,
  });

  it("keeps each source's latest figure in the headline, and answers as of a past time", async () => {
    await apply(
      article('a1', {
        text: 'More than 200 people have been killed in the fighting, Syrian media reported.',
        publishedAt: '2024-11-28T08:00:00Z',
      }),
      article('a2', {
        text: 'The Syrian Observatory for Human Rights said 132 people were killed.',
        publishedAt: '2024-11-28T09:00:00Z',
      }),
      article('a3', {
        text: 'The Syrian Observatory for Human Rights said at least 242 people were killed.',
        publishedAt: '2024-11-29T09:00:00Z',
      }),
    );
    const now = await getOffensiveState(pool, { asOf: null, knownAt: null });
    expect(now.metrics['killed.total']).toEqual(
      expect.objectContaining({
        value: 242,
        qualifier: 'at_least',
        source: 'SOHR',
        articleId: 'a3',
        reportedAt: '2024-11-29T09:00:00.000Z',
      }),
    );
    expect(now.metrics['killed.total']?.bySource.map((f) => [f.source, f.value])).toEqual([
      ['SOHR', 242],
      [null, 200],
    ]);
    expect(now.metrics.displaced).toBeNull();
    expect(now.lastIngestedAt).toBe('2024-11-29T10:00:00.000Z');

    const before = await getOffensiveState(pool, { asOf: '2024-11-28T23:59:59.000Z', knownAt: null });
    expect(before.metrics['killed.total']).toEqual(expect.objectContaining({ value: 200, source: null }));
    expect(before.lastIngestedAt).toBe('2024-11-28T10:00:00.000Z');
  });

  it('changes nothing when an event is applied again', async () => {
    const first = article('a1', { text: WIRE_STORY, publishedAt: '2024-11-29T09:00:00Z' });
    await apply(first);
    const once = await snapshot();
    await apply(first);
    expect(await snapshot()).toEqual(once);
  });

  it('replaces what the previous version contributed when an article is revised, and ignores the old version replayed', async () => {
    const original = article('a1', { text: WIRE_STORY, publishedAt: '2024-11-29T09:00:00Z' });
    const revised = article('a1', {
      text: 'The Syrian Observatory for Human Rights said at least 300 people were killed.',
      publishedAt: '2024-11-29T09:00:00Z',
      revisionOf: 'x',
    });
    await apply(original, revised);
    const facts = await factsOfArticle(pool, 'a1');
    expect(facts.map((f) => [f.kind, f.value, f.eventPosition])).toEqual([['killed', 300, revised.position]]);
    expect((await pool.query('select 1 from place_mentions where article_id = $1', ['a1'])).rows).toEqual([]);
    expect((await getTimeline(pool, { kind: null, since: null, until: null })).items).toEqual([]);
    const after = await snapshot();
    await apply(original);
    expect(await snapshot()).toEqual(after);
  });

  it('counts one wire story printed by several outlets as one report', async () => {
    await apply(
      article('a1', { text: WIRE_STORY, publishedAt: '2024-11-29T09:00:00Z', outlet: 'AFP' }),
      article('a2', {
        text: `BEIRUT (Wire) - ${WIRE_STORY} Read more on our website.`,
        publishedAt: '2024-11-29T11:00:00Z',
        outlet: 'Daily',
      }),
      article('a3', {
        text: WIRE_STORY.replace('Russian warplanes', 'Russian jets'),
        publishedAt: '2024-11-30T07:00:00Z',
        outlet: 'Times',
      }),
      article('a4', {
        text: 'The Syrian Observatory for Human Rights said at least 242 people were killed, in a report of its own on Saturday.',
        publishedAt: '2024-11-30T09:00:00Z',
        outlet: 'Other',
      }),
    );
    const clusters = (
      await pool.query<{ article_id: string; cluster_id: string }>(
        'select article_id, cluster_id from article_fingerprints order by article_id',
      )
    ).rows;
    expect(clusters).toEqual([
      { article_id: 'a1', cluster_id: 'a1' },
      { article_id: 'a2', cluster_id: 'a1' },
      { article_id: 'a3', cluster_id: 'a1' },
      { article_id: 'a4', cluster_id: 'a4' },
    ]);
    const history = await getMetricHistory(pool, { metric: 'killed.total', source: null, asOf: null, knownAt: null });
    expect(history.items.map((item) => [item.articleId, item.value, item.copies])).toEqual([
      ['a1', 242, 3],
      ['a4', 242, 1],
    ]);
    expect(history.items[0]?.copyArticleIds).toEqual(['a1', 'a2', 'a3']);
    const timeline = await getTimeline(pool, { kind: 'place_captured', since: null, until: null });
    expect(timeline.items).toEqual([
      expect.objectContaining({ kind: 'place_captured', place: 'Saraqeb', reports: 1, date: '2024-11-29' }),
    ]);
    expect(timeline.items[0]?.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('serves captured places with who took them, the front, and places as GeoJSON', async () => {
    await apply(article('a1', { text: WIRE_STORY, publishedAt: '2024-11-29T09:00:00Z' }));
    const state = await getOffensiveState(pool, { asOf: null, knownAt: null });
    expect(state.capturedPlaces).toEqual([
      expect.objectContaining({
        place: 'Saraqeb',
        capturedBy: 'insurgents',
        reports: 1,
        firstReport: expect.objectContaining({ articleId: 'a1' }),
      }),
    ]);
    expect(state.front).toEqual([
      expect.objectContaining({ place: 'Aleppo', distanceKm: 10, qualifier: 'up_to', source: 'SOHR' }),
    ]);
    const places = await getPlaces(pool, { asOf: null, knownAt: null });
    const aleppo = places.features.find((f) => f.id === 'Aleppo');
    expect(aleppo?.geometry.coordinates.map(Math.round)).toEqual([37, 36]);
    expect(aleppo?.properties).toEqual(
      expect.objectContaining({ mentions: 2, articles: 1, front: expect.objectContaining({ distanceKm: 10 }) }),
    );
    expect(places.features.find((f) => f.id === 'Saraqeb')?.properties.captured).toEqual(
      expect.objectContaining({ capturedBy: 'insurgents' }),
    );
    expect((await getPlaces(pool, { asOf: '2024-11-28T00:00:00Z', knownAt: null })).features).toEqual([]);
  });

  it('pages facts newest first, filtered by kind, source and time', async () => {
    await apply(
      article('a1', { text: WIRE_STORY, publishedAt: '2024-11-29T09:00:00Z' }),
      article('a2', {
        text: 'The Syrian Observatory for Human Rights said 132 people were killed.',
        publishedAt: '2024-11-28T09:00:00Z',
      }),
    );
    const all = { kind: null, group: null, source: null, since: null, until: null, cursor: null } as const;
    const first = await listFacts(pool, { ...all, limit: 2 });
    const rest = await listFacts(pool, { ...all, limit: 50, cursor: first.nextCursor });
    const everything = await listFacts(pool, { ...all, limit: 50 });
    expect([...first.items, ...rest.items]).toEqual(everything.items);
    expect(rest.nextCursor).toBeNull();
    expect(everything.items.at(-1)?.articleId).toBe('a2');
    const killed = await listFacts(pool, {
      ...all,
      kind: 'killed',
      source: 'SOHR',
      since: '2024-11-29T00:00:00Z',
      limit: 50,
    });
    expect(killed.items.map((f) => f.value)).toEqual([242]);
    expect((await listFacts(pool, { ...all, source: 'none', limit: 50 })).items.every((f) => f.source === null)).toBe(
      true,
    );
  });
});
