import type { FeedServer } from '@sitrep/testing';
import { rssFeed, startFeedServer, waitFor } from '@sitrep/testing';
import type { MigratedDatabase } from './support/migrated-database';
import { migratedDatabase } from './support/migrated-database';
import type { RunningSitrep } from './support/sitrep-harness';
import { startSitrep } from './support/sitrep-harness';
import { testConfig } from './support/test-config';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface LogPage {
  items: { position: number; id: string; type: string; subject: string; hash: string; data: Record<string, unknown> }[];
  next: number | null;
}

const wire = (n: number, extra = '') => ({
  guid: `urn:test:wire:${n}`,
  title: `Wire report ${n}${extra}`,
  link: `https://wire.test/reports/${n}`,
  description: `<p>Report number ${n}: fighting continued near the front line.${extra}</p>`,
  pubDate: new Date(Date.UTC(2024, 10, 27 + n)).toUTCString(),
});

describe('embedded: feeds → event log → PostgreSQL → API, in one process', () => {
  let database: MigratedDatabase;
  let feeds: FeedServer;
  let sitrep: RunningSitrep;

  beforeAll(async () => {
    database = await migratedDatabase();
    feeds = await startFeedServer();
    feeds.set(
      '/wire.xml',
      rssFeed({ title: 'Test Wire', link: 'https://wire.test', items: [1, 2, 3].map((n) => wire(n)) }),
    );
    sitrep = await startSitrep(testConfig({ databaseUrl: database.url, feeds: [feeds.url('/wire.xml')] }));
  });

  afterAll(async () => {
    await sitrep?.close();
    await feeds?.close();
    await database?.drop();
  });

  const articles = async () =>
    (await sitrep.get<Page<{ id: string; title: string; revision: number }>>('/v1/articles')).body;
  const events = async () => (await sitrep.get<LogPage>('/v1/events?limit=1000')).body.items;

  it('serves each article of a feed polled many times once, with one ArticleIngested each', async () => {
    await waitFor(async () => (await articles()).items.length === 3, { timeoutMs: 15_000, what: 'three articles' });
    await waitFor(async () => feeds.requests('/wire.xml').total >= 3, { timeoutMs: 15_000, what: 'two more polls' });
    const page = await articles();
    expect(page.items.map((item) => item.title)).toEqual(['Wire report 3', 'Wire report 2', 'Wire report 1']);
    const ingested = (await events()).filter((event) => event.type === 'sitrep.article.ingested');
    expect(ingested).toHaveLength(3);
    expect(new Set(ingested.map((event) => event.subject)).size).toBe(3);
  });

  it('honours 304 Not Modified: a re-poll of an unchanged feed is conditional and emits nothing', async () => {
    const before = (await events()).length;
    const polled = feeds.requests('/wire.xml');
    await waitFor(async () => feeds.requests('/wire.xml').notModified >= polled.notModified + 2, {
      timeoutMs: 15_000,
      what: 'two conditional polls answered 304',
    });
    expect((await events()).length).toBe(before);
  });

  it('emits ArticleRevised when a known item changes, and serves the revision', async () => {
    feeds.set(
      '/wire.xml',
      rssFeed({ title: 'Test Wire', link: 'https://wire.test', items: [wire(1), wire(2, ' (updated)'), wire(3)] }),
    );
    await waitFor(async () => (await articles()).items.find((item) => item.title === 'Wire report 2 (updated)'), {
      timeoutMs: 15_000,
      what: 'the revised article',
    });
    const revised = (await events()).filter((event) => event.type === 'sitrep.article.revised');
    expect(revised).toHaveLength(1);
    expect(revised[0]?.data.title).toBe('Wire report 2 (updated)');
    expect((await articles()).items.find((item) => item.title.startsWith('Wire report 2'))?.revision).toBe(2);
  });

  it('pages articles newest first with a cursor', async () => {
    const first = await sitrep.get<Page<{ title: string }>>('/v1/articles?limit=2');
    expect(first.body.items.map((item) => item.title)).toEqual(['Wire report 3', 'Wire report 2 (updated)']);
    const second = await sitrep.get<Page<{ title: string }>>(`/v1/articles?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ title: 'Wire report 1' })], nextCursor: null });
  });

  it('serves one article with its text, and 404 for an unknown id', async () => {
    const [item] = (await articles()).items;
    const one = await sitrep.get<{ id: string; text: string }>(`/v1/articles/${item?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toContain('fighting continued');
    expect((await sitrep.get('/v1/articles/nope')).status).toBe(404);
  });

  it('pages the event log by position', async () => {
    const all = await events();
    const page = await sitrep.get<LogPage>(`/v1/events?after=${all[0]?.position}&limit=2`);
    expect(page.body.items.map((event) => event.position)).toEqual([2, 3]);
    expect(page.body.next).toBe(3);
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => index + 1));
  });

  it('serves the head of the hash chain for an auditor to pin', async () => {
    const last = (await events()).at(-1);
    const head = await sitrep.get<{ position: number; hash: string; events: number }>('/v1/audit/head');
    expect(head.body).toEqual({ position: last?.position, hash: last?.hash, events: last?.position });
    expect(head.body.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects writes without the API key and bad parameters with 400 naming them', async () => {
    expect((await sitrep.request('POST', '/v1/feeds', { body: { url: 'https://wire.test/feed' } })).status).toBe(401);
    expect(
      (await sitrep.request('POST', '/v1/feeds', { body: { url: 'https://wire.test/feed' }, key: 'wrong' })).status,
    ).toBe(401);
    expect((await sitrep.request('DELETE', '/v1/feeds/whatever')).status).toBe(401);
    const bad = [
      ['/v1/articles?limit=abc', 'limit'],
      ['/v1/articles?limit=0', 'limit'],
      ['/v1/articles?cursor=garbage', 'cursor'],
      ['/v1/events?after=-1', 'after'],
      ['/v1/events?limit=100000', 'limit'],
    ] as const;
    for (const [path, name] of bad) {
      const response = await sitrep.get<{ status: number; detail: string }>(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.detail).toContain(name);
    }
    const wrongBody = await sitrep.request<{ detail: string }>('POST', '/v1/feeds', {
      body: { url: 'file:///etc/passwd' },
      key: 'test-key',
    });
    expect(wrongBody.status).toBe(400);
    expect(wrongBody.body.detail).toContain('http or https');
  });

  it('polls a feed added through the API without a restart, and stops after it is deleted', async () => {
    feeds.set('/second.xml', rssFeed({ title: 'Second Wire', link: 'https://second.test', items: [wire(10)] }));
    const added = await sitrep.request<{ id: string }>('POST', '/v1/feeds', {
      body: { url: feeds.url('/second.xml') },
      key: 'test-key',
    });
    expect(added.status).toBe(202);
    await waitFor(async () => (await articles()).items.find((item) => item.title === 'Wire report 10'), {
      timeoutMs: 15_000,
      what: 'the article of the added feed',
    });
    const listed = await sitrep.get<{ items: { id: string; url: string }[] }>('/v1/feeds');
    expect(listed.body.items.map((feed) => feed.url)).toContain(feeds.url('/second.xml'));
    expect((await sitrep.request('DELETE', `/v1/feeds/${added.body.id}`, { key: 'test-key' })).status).toBe(202);
    await waitFor(
      async () =>
        !(await sitrep.get<{ items: { id: string }[] }>('/v1/feeds')).body.items.some((f) => f.id === added.body.id),
      {
        timeoutMs: 10_000,
        what: 'the feed gone from the list',
      },
    );
    const types = (await events()).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['sitrep.feed.subscribed', 'sitrep.feed.unsubscribed']));
  });

  it('reports health and serves an OpenAPI document that lists every route', async () => {
    const health = await sitrep.get<{ status: string; postgres: { ok: boolean }; kafka: unknown }>('/v1/health');
    expect(health.body).toEqual(
      expect.objectContaining({ status: 'ok', postgres: expect.objectContaining({ ok: true }), kafka: null }),
    );
    const openapi = await sitrep.get<{ paths: Record<string, Record<string, unknown>> }>('/docs/openapi.json');
    const routes = Object.entries(openapi.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'get /v1/health',
        'get /v1/articles',
        'get /v1/articles/{id}',
        'get /v1/events',
        'get /v1/audit/head',
        'get /v1/feeds',
        'post /v1/feeds',
        'delete /v1/feeds/{id}',
        'get /v1/facts',
        'get /v1/offensive/state',
        'get /v1/offensive/state/explain',
        'get /v1/offensive/history',
        'get /v1/offensive/places',
        'get /v1/offensive/timeline',
      ].sort(),
    );
  });
});
