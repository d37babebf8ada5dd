import type { FeedServer, RssItemFixture } from '@sitrep/testing';
import { rssFeed, startFeedServer, waitFor } from '@sitrep/testing';
import type { MigratedDatabase } from './support/migrated-database';
import { migratedDatabase } from './support/migrated-database';
import type { RunningSitrep } from './support/sitrep-harness';
import { startSitrep } from './support/sitrep-harness';
import { testConfig } from './support/test-config';

// Articles written for this test (issue 4, two times): the early one is published first but reaches
// Sitrep last, so that what had been reported by a time and what Sitrep knew by then differ.
const LATE_STORY: RssItemFixture = {
  guid: 'urn:test:two-times:late-story',
  title: 'Toll rises in northern Syria',
  link: 'https://wire.test/late-story',
  description: 'The Syrian Observatory for Human Rights said 300 people were killed in Aleppo province.',
  pubDate: new Date('2024-11-30T09:00:00Z').toUTCString(),
};
const EARLY_STORY: RssItemFixture = {
  guid: 'urn:test:two-times:early-story',
  title: 'Fighting in Idlib province',
  link: 'https://wire.test/early-story',
  description: 'The Syrian Observatory for Human Rights said 150 people were killed in Idlib province.',
  pubDate: new Date('2024-11-28T09:00:00Z').toUTCString(),
};

interface Figure {
  value: number;
  articleId: string;
}
interface State {
  asOf: string | null;
  applied: { asOf: string | null; knownAt: string | null };
  metrics: Record<string, Figure | null>;
}
interface LogEntry {
  position: number;
  id: string;
  subject: string;
  recordedAt: string;
  hash: string;
  data: { title: string };
}

describe('the offensive as reported by a time (asOf) and as Sitrep knew it (knownAt)', () => {
  let database: MigratedDatabase;
  let feeds: FeedServer;
  let sitrep: RunningSitrep;
  let lateEvent: LogEntry;
  let earlyEvent: LogEntry;

  const events = async (): Promise<LogEntry[]> =>
    (await sitrep.get<{ items: LogEntry[] }>('/v1/events?limit=1000')).body.items;
  const eventTitled = async (title: string): Promise<LogEntry | undefined> =>
    (await events()).find((e) => e.data.title === title);
  const feed = (items: RssItemFixture[]): string => rssFeed({ title: 'Wire', link: 'https://wire.test', items });

  beforeAll(async () => {
    database = await migratedDatabase();
    feeds = await startFeedServer();
    feeds.set('/wire.xml', feed([LATE_STORY]));
    sitrep = await startSitrep(testConfig({ databaseUrl: database.url, feeds: [feeds.url('/wire.xml')] }));
    await waitFor(
      async () => (await sitrep.get<State>('/v1/offensive/state')).body.metrics['killed.total']?.value === 300,
      { what: 'the story published on 30 November projected' },
    );
    lateEvent = (await eventTitled(LATE_STORY.title)) as LogEntry;
    // Known times are kept to the millisecond: the next ingestion must come at a later one.
    await waitFor(() => Date.now() > Date.parse(lateEvent.recordedAt) + 5, {
      what: 'the clock past the first ingestion',
    });
    feeds.set('/wire.xml', feed([LATE_STORY, EARLY_STORY]));
    earlyEvent = await waitFor(() => eventTitled(EARLY_STORY.title), { what: 'the story of 28 November ingested' });
    await waitFor(
      async () =>
        (await sitrep.get<{ items: unknown[] }>('/v1/offensive/history?metric=killed.total')).body.items.length === 2,
      { what: 'the story of 28 November projected' },
    );
  });

  afterAll(async () => {
    await sitrep?.close();
    await feeds?.close();
    await database?.drop();
  });

  const state = async (query: string): Promise<State> => {
    const response = await sitrep.get<State>(`/v1/offensive/state${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const killed = async (query: string): Promise<number | null> =>
    (await state(query)).metrics['killed.total']?.value ?? null;

  it('ingested the early story after the late one', () => {
    expect(earlyEvent.recordedAt > lateEvent.recordedAt).toBe(true);
    expect(earlyEvent.position).toBeGreaterThan(lateEvent.position);
  });

  it('gives different answers by publication time and by ingestion time, and their intersection together', async () => {
    const knownBefore = encodeURIComponent(lateEvent.recordedAt);
    expect(await killed('')).toBe(300);
    // Published by the 29th: only the early story, although Sitrep learnt of it last.
    expect(await killed('?asOf=2024-11-29T00:00:00Z')).toBe(150);
    // Known before the early story was ingested: only the late story, although it was published last.
    expect(await killed(`?knownAt=${knownBefore}`)).toBe(300);
    // Both: published by the 29th and known by then: nothing yet.
    expect(await killed(`?asOf=2024-11-29T00:00:00Z&knownAt=${knownBefore}`)).toBeNull();
    expect(await killed(`?asOf=2024-11-29T00:00:00Z&knownAt=${encodeURIComponent(earlyEvent.recordedAt)}`)).toBe(150);
  });

  it('says which times it applied, keeping asOf for the clients of issue 3', async () => {
    const both = await state(`?asOf=2024-11-29T00:00:00Z&knownAt=${encodeURIComponent(lateEvent.recordedAt)}`);
    expect(both.applied).toEqual({ asOf: '2024-11-29T00:00:00.000Z', knownAt: lateEvent.recordedAt });
    expect(both.asOf).toBe('2024-11-29T00:00:00.000Z');
    expect((await state('')).applied).toEqual({ asOf: null, knownAt: null });
    const history = await sitrep.get<{ applied: unknown; items: { value: number }[] }>(
      `/v1/offensive/history?metric=killed.total&knownAt=${encodeURIComponent(lateEvent.recordedAt)}`,
    );
    expect(history.body.applied).toEqual({ asOf: null, knownAt: lateEvent.recordedAt });
    expect(history.body.items.map((item) => item.value)).toEqual([300]);
    const reported = await sitrep.get<{ items: { value: number }[] }>(
      '/v1/offensive/history?metric=killed.total&asOf=2024-11-29T00:00:00Z',
    );
    expect(reported.body.items.map((item) => item.value)).toEqual([150]);
  });

  it('bounds places, the timeline and facts by knownAt too', async () => {
    const knownBefore = encodeURIComponent(lateEvent.recordedAt);
    const places = await sitrep.get<{ applied: unknown; features: { id: string }[] }>(
      `/v1/offensive/places?knownAt=${knownBefore}`,
    );
    expect(places.body.applied).toEqual({ asOf: null, knownAt: lateEvent.recordedAt });
    expect(places.body.features.map((f) => f.id)).not.toContain('Idlib Governorate');
    expect(
      (await sitrep.get<{ features: { id: string }[] }>('/v1/offensive/places')).body.features.map((f) => f.id),
    ).toContain('Idlib Governorate');
    const facts = await sitrep.get<{ items: { value: number }[] }>(`/v1/facts?kind=killed&knownAt=${knownBefore}`);
    expect(facts.body.items.map((f) => f.value)).toEqual([300]);
    const timeline = await sitrep.get<{ applied: unknown }>(`/v1/offensive/timeline?knownAt=${knownBefore}`);
    expect(timeline.body.applied).toEqual({ knownAt: lateEvent.recordedAt });
  });

  it('explains the figure known at a time by the event Sitrep had then', async () => {
    const explained = await sitrep.get<{
      figure: Figure | null;
      candidates: { event: { id: string; position: number; hash: string } }[];
    }>(`/v1/offensive/state/explain?metric=killed.total&knownAt=${encodeURIComponent(lateEvent.recordedAt)}`);
    expect(explained.body.figure?.value).toBe(300);
    expect(explained.body.candidates.map((c) => c.event)).toEqual([
      {
        id: lateEvent.id,
        position: lateEvent.position,
        hash: lateEvent.hash,
        type: expect.any(String),
        recordedAt: lateEvent.recordedAt,
      },
    ]);
  });

  it('rejects a knownAt that is not a time with a 400 naming it', async () => {
    for (const path of [
      '/v1/offensive/state?knownAt=yesterday',
      '/v1/offensive/history?metric=killed.total&knownAt=soon',
      '/v1/offensive/state/explain?metric=killed.total&knownAt=2024-13-45',
      '/v1/offensive/places?knownAt=later',
      '/v1/offensive/timeline?knownAt=never',
      '/v1/facts?knownAt=whenever',
    ]) {
      const response = await sitrep.get<{ detail: string }>(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.detail).toContain('knownAt');
    }
  });
});
