import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeedServer } from '@sitrep/testing';
import { escapeXml, rssFeed, startFeedServer, waitFor } from '@sitrep/testing';
import type { MigratedDatabase } from './support/migrated-database';
import { migratedDatabase } from './support/migrated-database';
import type { RunningSitrep } from './support/sitrep-harness';
import { startSitrep } from './support/sitrep-harness';
import { testConfig } from './support/test-config';

// The evaluation corpus is shared by the team and read where it lies, never copied into the repository.
const CORPUS_DIR =
  process.env.SITREP_CORPUS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'dev');

interface CorpusArticle {
  id: string;
  title: string;
  text: string;
  published: string;
}

// A feed's description is HTML, where a bare line break is only whitespace: each line of the corpus
// text becomes a paragraph, as outlets' feeds carry them, so that a subheading ("14,000 displaced")
// stays a line of its own instead of running into the next sentence.
const htmlOf = (text: string): string =>
  text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join('\n');

const seedArticles = (): CorpusArticle[] => {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(
      `CORPUS_MISSING: expected the dev corpus at ${CORPUS_DIR} (set SITREP_CORPUS_DIR), found no such folder`,
    );
  }
  const files = readdirSync(CORPUS_DIR)
    .filter((file) => /^seed-.*\.json$/.test(file))
    .sort();
  if (files.length !== 5)
    throw new Error(`CORPUS_MISSING: expected five seed-*.json in ${CORPUS_DIR}, found ${files.length}`);
  return files.map((file) => JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as CorpusArticle);
};

interface SourceFigure {
  source: string | null;
  value: number;
  qualifier: string;
  reportedAt: string;
  articleId: string;
}
interface Headline extends SourceFigure {
  sentence: string;
  bySource: SourceFigure[];
}
interface State {
  asOf: string | null;
  metrics: Record<string, Headline | null>;
  capturedPlaces: { place: string }[];
  front: { place: string; distanceKm: number }[];
  lastIngestedAt: string | null;
}

describe('the offensive, read from the seed articles of the corpus', () => {
  let database: MigratedDatabase;
  let feeds: FeedServer;
  let sitrep: RunningSitrep;
  const articles = seedArticles();

  beforeAll(async () => {
    database = await migratedDatabase();
    feeds = await startFeedServer();
    feeds.set(
      '/seed.xml',
      rssFeed({
        title: 'Seed corpus',
        link: 'https://corpus.test',
        items: articles.map((a) => ({
          guid: `urn:sitrep:corpus:${a.id}`,
          title: a.title,
          link: `https://corpus.test/${a.id}`,
          description: htmlOf(a.text),
          pubDate: new Date(a.published).toUTCString(),
        })),
      }),
    );
    sitrep = await startSitrep(testConfig({ databaseUrl: database.url, feeds: [feeds.url('/seed.xml')] }));
    await waitFor(
      async () => {
        const state = (await sitrep.get<State>('/v1/offensive/state')).body;
        const ingested = (await sitrep.get<{ items: unknown[] }>('/v1/articles')).body.items.length;
        return ingested === articles.length && state.metrics['killed.total'] !== null;
      },
      { timeoutMs: 20_000, what: 'the five seed articles ingested and projected' },
    );
  });

  afterAll(async () => {
    await sitrep?.close();
    await feeds?.close();
    await database?.drop();
  });

  const state = async (query = ''): Promise<State> => {
    const response = await sitrep.get<State>(`/v1/offensive/state${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('gives the headline of each metric and who counts it', async () => {
    const { metrics, lastIngestedAt } = await state();
    expect(metrics['killed.total']).toEqual(
      expect.objectContaining({ value: 242, qualifier: 'at_least', source: 'SOHR' }),
    );
    expect(metrics.displaced).toEqual(expect.objectContaining({ value: 14000, source: 'OCHA' }));
    expect(metrics['killed.civilians']).toEqual(expect.objectContaining({ value: 24, source: 'SOHR' }));
    expect(metrics.captured_localities).toEqual(expect.objectContaining({ value: 56, source: 'HTS' }));
    expect(metrics.captured_localities?.bySource).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'SOHR', value: 50 })]),
    );
    expect(metrics.territory_km2).toEqual(expect.objectContaining({ value: 400 }));
    expect(lastIngestedAt).not.toBeNull();
  });

  it('answers what had been reported by a past time', async () => {
    const before = await state('?asOf=2024-11-28T23:59:59Z');
    expect(before.asOf).toBe('2024-11-28T23:59:59.000Z');
    expect(before.metrics['killed.total']?.value).toBe(200);
    expect(before.metrics.captured_localities).toBeNull();
  });

  it('lists every report of a metric in order, with provenance', async () => {
    const history = await sitrep.get<{
      metric: string;
      items: { value: number; reportedAt: string; articleId: string; sentence: string }[];
    }>('/v1/offensive/history?metric=killed.total');
    expect(history.status).toBe(200);
    const values = history.body.items.map((item) => item.value);
    expect(values).toEqual(expect.arrayContaining([132, 200, 242]));
    expect(values.at(-1)).toBe(242);
    const times = history.body.items.map((item) => item.reportedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('serves the facts of an article, and facts filtered by kind and source', async () => {
    const facts = await sitrep.get<{
      items: { articleId: string; kind: string; source: string | null }[];
      nextCursor: string | null;
    }>('/v1/facts?kind=displaced&source=OCHA');
    expect(facts.status).toBe(200);
    expect(facts.body.items.length).toBeGreaterThan(0);
    expect(facts.body.items.every((f) => f.kind === 'displaced' && f.source === 'OCHA')).toBe(true);
    const one = await sitrep.get<{ id: string; facts: { kind: string }[] }>(
      `/v1/articles/${facts.body.items[0]?.articleId}`,
    );
    expect(one.body.facts.map((f) => f.kind)).toContain('displaced');
  });

  it('serves places as GeoJSON and a timeline of developments', async () => {
    const places = await sitrep.get<{ type: string; features: { id: string; geometry: { coordinates: number[] } }[] }>(
      '/v1/offensive/places',
    );
    expect(places.body.type).toBe('FeatureCollection');
    expect(places.body.features.find((f) => f.id === 'Aleppo')?.geometry.coordinates.map(Math.round)).toEqual([37, 36]);
    const timeline = await sitrep.get<{ items: { kind: string; place: string | null; articles: unknown[] }[] }>(
      '/v1/offensive/timeline',
    );
    expect(timeline.body.items.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['offensive_launched', 'road_cut', 'city_reached']),
    );
    expect(timeline.body.items.every((d) => d.articles.length > 0)).toBe(true);
  });

  it('explains the killed.total headline back to the events it came from', async () => {
    interface Explained {
      outcome: string;
      reason: string;
      fact: { value: number; source: string | null; sentence: string };
      article: { id: string; title: string; outlet: string | null; publishedAt: string | null; link: string | null };
      event: { id: string; position: number; hash: string; type: string; recordedAt: string };
    }
    const response = await sitrep.get<{
      figure: Headline | null;
      reason: string;
      candidates: Explained[];
      setAside: Explained[];
    }>('/v1/offensive/state/explain?metric=killed.total');
    expect(response.status).toBe(200);
    const { figure, reason, candidates, setAside } = response.body;
    expect(figure).toEqual((await state()).metrics['killed.total']);
    expect(candidates[0]).toEqual(
      expect.objectContaining({
        outcome: 'headline',
        fact: expect.objectContaining({ value: 242, source: 'SOHR', sentence: figure?.sentence }),
        article: expect.objectContaining({ id: figure?.articleId }),
      }),
    );
    expect(reason).toContain('242');
    expect(setAside.map((item) => item.fact.value)).toContain(132);
    expect(setAside.every((item) => item.reason.length > 0)).toBe(true);
    const log = (
      await sitrep.get<{
        items: { id: string; position: number; hash: string; type: string; subject: string; data: { title: string } }[];
      }>('/v1/events?limit=1000')
    ).body.items;
    for (const { event, article } of [...candidates, ...setAside]) {
      const logged = log.find((entry) => entry.id === event.id);
      expect(logged).toEqual(
        expect.objectContaining({ position: event.position, hash: event.hash, type: event.type, subject: article.id }),
      );
      expect(logged?.data.title).toBe(article.title);
      expect(articles.map((a) => a.title)).toContain(article.title);
    }
    const before = await sitrep.get<{ figure: Headline | null; applied: unknown }>(
      '/v1/offensive/state/explain?metric=killed.total&asOf=2024-11-28T23:59:59Z',
    );
    expect(before.body.figure?.value).toBe(200);
    expect(before.body.applied).toEqual({ asOf: '2024-11-28T23:59:59.000Z', knownAt: null });
  });

  it('explains a metric not yet reported as no figure, and refuses an unknown metric naming the metrics', async () => {
    const never = await sitrep.get<{ figure: unknown; candidates: unknown[] }>(
      '/v1/offensive/state/explain?metric=killed.total&asOf=2024-11-01T00:00:00Z',
    );
    expect(never.status).toBe(200);
    expect(never.body).toEqual(expect.objectContaining({ figure: null, candidates: [] }));
    const unknown = await sitrep.get<{ detail: string }>('/v1/offensive/state/explain?metric=killed.everyone');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('metric');
    expect(unknown.body.detail).toContain('killed.total, killed.civilians');
  });

  it('rejects bad parameters with a 400 naming them', async () => {
    const bad = [
      ['/v1/offensive/state?asOf=yesterday', 'asOf'],
      ['/v1/offensive/state?knownAt=yesterday', 'knownAt'],
      ['/v1/offensive/state/explain', 'metric'],
      ['/v1/offensive/state/explain?metric=killed.total&asOf=soon', 'asOf'],
      ['/v1/offensive/history', 'metric'],
      ['/v1/offensive/history?metric=killed.everyone', 'metric'],
      ['/v1/offensive/history?metric=displaced&source=Nobody', 'source'],
      ['/v1/offensive/places?asOf=2024-13-45', 'asOf'],
      ['/v1/offensive/timeline?kind=parade', 'kind'],
      ['/v1/facts?kind=looted', 'kind'],
      ['/v1/facts?group=children', 'group'],
      ['/v1/facts?source=Gossip', 'source'],
      ['/v1/facts?since=soon', 'since'],
      ['/v1/facts?until=later', 'until'],
      ['/v1/facts?limit=0', 'limit'],
      ['/v1/facts?cursor=garbage', 'cursor'],
    ] as const;
    for (const [path, name] of bad) {
      const response = await sitrep.get<{ detail: string }>(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.detail).toContain(name);
    }
  });
});
