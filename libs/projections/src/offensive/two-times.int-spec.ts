import type { StoredEvent } from '@sitrep/events';
import {
  ARTICLE_INGESTED,
  ARTICLE_REVISED,
  dataschemaOf,
  deterministicEventId,
  EVENT_SOURCE,
  parseSitrepEvent,
} from '@sitrep/events';
import type { Pool } from '@sitrep/storage';
import { appendEvents, createPool, inTransaction, migrate, readLogAfter, storedEventFrom } from '@sitrep/storage';
import { createTestDatabase } from '@sitrep/testing';
import { articlesProjection } from '../articles/articles.projection';
import { factsProjection } from '../facts/facts.projection';
import { listFacts } from '../facts/facts.queries';
import { placesProjection } from '../places/places.projection';
import { getPlaces } from '../places/places.queries';
import { syndicationProjection } from '../syndication/syndication.projection';
import { timelineProjection } from '../timeline/timeline.projection';
import { explainMetric } from './explain.queries';
import { getMetricHistory, getOffensiveState } from './offensive.queries';

const PROJECTIONS = [articlesProjection, syndicationProjection, factsProjection, placesProjection, timelineProjection];

/** An article event as the poller writes it (version 1 of the envelope), read through the boundary's parser. */
const articleEvent = (
  articleId: string,
  { text, publishedAt, revisionOf }: { text: string; publishedAt: string; revisionOf?: string },
) => {
  const type = revisionOf === undefined ? ARTICLE_INGESTED : ARTICLE_REVISED;
  const data = {
    articleId,
    feedUrl: 'https://wire.test/rss',
    outlet: 'Wire',
    title: `Report ${articleId}`,
    link: `https://wire.test/${articleId}`,
    publishedAt,
    text,
    contentHash: deterministicEventId(text),
    ...(revisionOf === undefined ? {} : { previousContentHash: revisionOf }),
  };
  return parseSitrepEvent({
    specversion: '1.0',
    id: deterministicEventId(articleId, text),
    type,
    source: EVENT_SOURCE,
    subject: articleId,
    time: publishedAt,
    datacontenttype: 'application/json',
    dataschema: dataschemaOf(type, 1),
    dataversion: 1,
    data,
  });
};

describe('the offensive at two times: as reported (asOf) and as known (knownAt)', () => {
  let pool: Pool;
  let drop: () => Promise<void>;
  const log: StoredEvent[] = [];

  /** Appends the event to the log as recorded at `recordedAt` (the clock is the test's), and projects it. */
  const ingest = async (event: ReturnType<typeof articleEvent>, recordedAt: string): Promise<void> => {
    await inTransaction(pool, async (client) => {
      const { appended } = await appendEvents(client, [event]);
      const position = appended[0]?.position;
      await client.query('update event_log set recorded_at = $2 where position = $1', [position, recordedAt]);
      const [row] = await readLogAfter(client, (position ?? 1) - 1, 1);
      const stored = storedEventFrom(row as NonNullable<typeof row>);
      log.push(stored);
      for (const projection of PROJECTIONS)
        for (const statement of projection.evolve(stored)) await client.query(statement.text, [...statement.values]);
    });
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pool = createPool(database.url);
    await migrate(pool);
    // a1 is published on the 30th and ingested at once; a2, published on the 28th, reaches Sitrep
    // only on 1 December; a1 is revised on 2 December.
    const first = 'The Syrian Observatory for Human Rights said 300 people were killed in Aleppo.';
    await ingest(articleEvent('a1', { text: first, publishedAt: '2024-11-30T09:00:00Z' }), '2024-11-30T10:00:00Z');
    await ingest(
      articleEvent('a2', {
        text: 'The Syrian Observatory for Human Rights said 150 people were killed in Idlib.',
        publishedAt: '2024-11-28T09:00:00Z',
      }),
      '2024-12-01T10:00:00Z',
    );
    await ingest(
      articleEvent('a1', {
        text: 'The Syrian Observatory for Human Rights said 320 people were killed in Aleppo.',
        publishedAt: '2024-11-30T09:00:00Z',
        revisionOf: deterministicEventId(first),
      }),
      '2024-12-02T10:00:00Z',
    );
  });

  afterAll(async () => {
    await pool.end();
    await drop();
  });

  const killed = async (asOf: string | null, knownAt: string | null) =>
    (await getOffensiveState(pool, { asOf, knownAt })).metrics['killed.total'];

  it('answers asOf by publication time and knownAt by ingestion time, and both together', async () => {
    expect(await killed(null, null)).toEqual(expect.objectContaining({ value: 320, articleId: 'a1' }));
    expect(await killed('2024-11-29T00:00:00.000Z', null)).toEqual(expect.objectContaining({ value: 150 }));
    expect(await killed(null, '2024-11-30T12:00:00.000Z')).toEqual(expect.objectContaining({ value: 300 }));
    expect(await killed('2024-11-29T00:00:00.000Z', '2024-11-30T12:00:00.000Z')).toBeNull();
    const state = await getOffensiveState(pool, { asOf: null, knownAt: '2024-11-30T12:00:00.000Z' });
    expect(state.applied).toEqual({ asOf: null, knownAt: '2024-11-30T12:00:00.000Z' });
    expect(state.lastIngestedAt).toBe('2024-11-30T10:00:00.000Z');
  });

  it('gives the version of a revised article that Sitrep knew at knownAt', async () => {
    const knownAt = '2024-12-01T12:00:00.000Z';
    expect(await killed(null, knownAt)).toEqual(expect.objectContaining({ value: 300, articleId: 'a1' }));
    const history = await getMetricHistory(pool, { metric: 'killed.total', source: null, asOf: null, knownAt });
    expect(history.items.map((item) => [item.articleId, item.value, item.knownAt])).toEqual([
      ['a2', 150, '2024-12-01T10:00:00.000Z'],
      ['a1', 300, '2024-11-30T10:00:00.000Z'],
    ]);
    const explained = await explainMetric(pool, 'killed.total', { asOf: null, knownAt });
    expect(explained.candidates[0]?.event).toEqual(
      expect.objectContaining({ id: log[0]?.event.id, position: log[0]?.position, hash: log[0]?.hash }),
    );
  });

  it('bounds history, facts and places by either time', async () => {
    const history = async (asOf: string | null, knownAt: string | null) =>
      (await getMetricHistory(pool, { metric: 'killed.total', source: null, asOf, knownAt })).items.map((i) => i.value);
    expect(await history(null, null)).toEqual([150, 320]);
    expect(await history('2024-11-29T00:00:00.000Z', null)).toEqual([150]);
    expect(await history(null, '2024-11-30T12:00:00.000Z')).toEqual([300]);
    const all = {
      kind: 'killed',
      group: null,
      source: null,
      since: null,
      until: null,
      cursor: null,
      limit: 50,
    } as const;
    expect((await listFacts(pool, { ...all, knownAt: '2024-12-01T12:00:00.000Z' })).items.map((f) => f.value)).toEqual([
      150,
    ]);
    const places = await getPlaces(pool, { asOf: null, knownAt: '2024-12-01T12:00:00.000Z' });
    expect(places.applied).toEqual({ asOf: null, knownAt: '2024-12-01T12:00:00.000Z' });
    expect(places.features.map((f) => f.id)).toEqual(['Idlib']);
  });

  it('explains the headline down to the events, with the reports that lost and why', async () => {
    const explained = await explainMetric(pool, 'killed.total', { asOf: null, knownAt: null });
    expect(explained.figure).toEqual(
      (await getOffensiveState(pool, { asOf: null, knownAt: null })).metrics['killed.total'],
    );
    expect(explained.candidates).toEqual([
      expect.objectContaining({
        outcome: 'headline',
        fact: expect.objectContaining({ value: 320, source: 'SOHR', sentence: expect.stringContaining('320') }),
        article: expect.objectContaining({ id: 'a1', title: 'Report a1', link: 'https://wire.test/a1' }),
        event: expect.objectContaining({ id: log[2]?.event.id, position: 3, hash: log[2]?.hash }),
      }),
    ]);
    expect(explained.setAside).toEqual([
      expect.objectContaining({
        outcome: 'older_report',
        fact: expect.objectContaining({ value: 150 }),
        lostTo: 'a1:0',
      }),
    ]);
    const never = await explainMetric(pool, 'displaced', { asOf: null, knownAt: null });
    expect(never).toEqual(expect.objectContaining({ figure: null, reason: null, candidates: [], setAside: [] }));
  });
});
