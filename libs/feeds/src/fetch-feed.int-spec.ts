import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeedServer } from '@sitrep/testing';
import { rssFeed, startFeedServer } from '@sitrep/testing';
import { FeedError } from './feed-error';
import type { FeedFetch, FetchLimits } from './fetch-feed';
import { FEED_USER_AGENT, fetchFeed } from './fetch-feed';

const limits: FetchLimits = { timeoutMs: 2_000, maxBytes: 64 * 1024, maxRedirects: 3 };
const none = { etag: null, lastModified: null };
const body = rssFeed({
  title: 'Test Wire',
  link: 'https://wire.test/',
  items: [
    { guid: 'wire-1', title: 'Fighting west of the city', description: '<p>At least 20 killed &amp; more hurt.</p>' },
  ],
});

const fetched = (result: FeedFetch) => {
  if (result.status !== 'fetched') throw new Error(`expected a fetched feed, found ${result.status}`);
  return result;
};

const failure = async (fetching: Promise<unknown>): Promise<FeedError> => {
  const error = await fetching.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FeedError)) throw new Error(`expected a FeedError, found ${String(error)}`);
  return error;
};

describe('fetchFeed over http', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await startFeedServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('fetches a feed, then gets a 304 for it by its ETag', async () => {
    server.set('/rss', body);

    const first = fetched(await fetchFeed(server.url('/rss'), none, limits));
    expect(first.body).toBe(body);
    expect(first.etag).toMatch(/^".+"$/);
    expect(first.finalUrl).toBe(server.url('/rss'));

    const second = await fetchFeed(server.url('/rss'), { etag: first.etag, lastModified: first.lastModified }, limits);
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requests('/rss')).toMatchObject({ total: 2, notModified: 1 });
    expect(server.requests('/rss').lastHeaders).toMatchObject({
      'if-none-match': first.etag,
      'user-agent': FEED_USER_AGENT,
    });
  });

  it('fetches the feed again once its body changed', async () => {
    server.set('/rss', body);
    const first = fetched(await fetchFeed(server.url('/rss'), none, limits));
    server.set('/rss', body.replace('20 killed', '44 killed'));

    const second = fetched(await fetchFeed(server.url('/rss'), first, limits));
    expect(second.body).toContain('44 killed');
    expect(second.etag).not.toBe(first.etag);
  });

  it('gets a 304 by Last-Modified when the server gives no ETag', async () => {
    server.set('/rss', body, { etag: false, lastModified: new Date('2024-11-27T08:00:00Z') });

    const first = fetched(await fetchFeed(server.url('/rss'), none, limits));
    expect(first).toMatchObject({ etag: null, lastModified: 'Wed, 27 Nov 2024 08:00:00 GMT' });

    expect(await fetchFeed(server.url('/rss'), first, limits)).toEqual({ status: 'not-modified' });
    expect(server.requests('/rss').lastHeaders).toMatchObject({ 'if-modified-since': 'Wed, 27 Nov 2024 08:00:00 GMT' });
  });

  it('gives up with FEED_TIMEOUT on a server that does not answer in time', async () => {
    server.set('/slow', body, { delayMs: 1_000 });
    const error = await failure(fetchFeed(server.url('/slow'), none, { ...limits, timeoutMs: 100 }));
    expect(error).toMatchObject({ code: 'FEED_TIMEOUT', retriable: true });
    expect(error.message).toBe(
      `FEED_TIMEOUT: feed ${server.url('/slow')}: expected a complete response within 100ms, found none`,
    );
  });

  it('gives up with FEED_TIMEOUT on a body that stalls after the headers', async () => {
    server.set('/trickle', body, { bodyDelayMs: 1_000 });
    const error = await failure(fetchFeed(server.url('/trickle'), none, { ...limits, timeoutMs: 200 }));
    expect(error).toMatchObject({ code: 'FEED_TIMEOUT', retriable: true });
  });

  it('refuses a body over maxBytes by its Content-Length', async () => {
    server.set('/big', 'x'.repeat(2_000));
    const error = await failure(fetchFeed(server.url('/big'), none, { ...limits, maxBytes: 1_024 }));
    expect(error).toMatchObject({ code: 'FEED_TOO_LARGE', retriable: false });
    expect(error.message).toContain('expected at most 1024 bytes, found a Content-Length of 2000');
  });

  it('stops reading a streamed body as soon as it passes maxBytes', async () => {
    server.set('/stream', 'x'.repeat(4_000), { chunked: true, bodyDelayMs: 5_000 });
    const startedAt = Date.now();
    const error = await failure(
      fetchFeed(server.url('/stream'), none, { ...limits, maxBytes: 1_024, timeoutMs: 10_000 }),
    );
    expect(error).toMatchObject({ code: 'FEED_TOO_LARGE', retriable: false });
    // The second half is only sent after 5 s: the first half alone was enough to give up.
    expect(Date.now() - startedAt).toBeLessThan(4_000);
  });

  it('follows redirects, relative ones too, and reports where the feed ended up', async () => {
    server.set('/old', '', { redirectTo: server.url('/moved') });
    server.set('/moved', '', { redirectTo: '/rss' });
    server.set('/rss', body);

    const result = fetched(await fetchFeed(server.url('/old'), none, limits));
    expect(result.finalUrl).toBe(server.url('/rss'));
    expect(result.body).toBe(body);
  });

  it('refuses a redirect chain longer than maxRedirects', async () => {
    for (let hop = 0; hop < 5; hop += 1) server.set(`/hop${hop}`, '', { redirectTo: `/hop${hop + 1}` });
    server.set('/hop5', body);

    const error = await failure(fetchFeed(server.url('/hop0'), none, { ...limits, maxRedirects: 3 }));
    expect(error).toMatchObject({ code: 'FEED_TOO_MANY_REDIRECTS', retriable: false });
    expect(error.message).toContain('expected at most 3 redirect(s)');
    expect(server.requests('/hop3').total).toBe(1);
    expect(server.requests('/hop4').total).toBe(0);
  });

  it('refuses a redirect to a file', async () => {
    server.set('/sneaky', '', { redirectTo: 'file:///etc/passwd' });
    await expect(fetchFeed(server.url('/sneaky'), none, limits)).rejects.toMatchObject({
      code: 'FEED_UNSUPPORTED_URL',
    });
  });

  it('fails a 404 with FEED_HTTP_STATUS, not retriable', async () => {
    const error = await failure(fetchFeed(server.url('/missing'), none, limits));
    expect(error).toMatchObject({ code: 'FEED_HTTP_STATUS', retriable: false });
    expect(error.message).toBe(
      `FEED_HTTP_STATUS: feed ${server.url('/missing')}: expected 200 or 304, found 404 Not Found`,
    );
  });

  it.each([503, 429])('fails a %i with FEED_HTTP_STATUS, retriable', async (status) => {
    server.set('/busy', 'try later', { status, contentType: 'text/plain' });
    await expect(fetchFeed(server.url('/busy'), none, limits)).rejects.toMatchObject({
      code: 'FEED_HTTP_STATUS',
      retriable: true,
    });
  });

  it('fails with FEED_UNREACHABLE, retriable, when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await failure(fetchFeed(`http://127.0.0.1:${port}/rss`, none, limits));
    expect(error).toMatchObject({ code: 'FEED_UNREACHABLE', retriable: true });
    expect(error.message).toBe(
      `FEED_UNREACHABLE: feed http://127.0.0.1:${port}/rss: expected a response, found ECONNREFUSED`,
    );
  });
});

describe('fetchFeed from a file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-feed-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file, then finds it not modified while its mtime is unchanged', async () => {
    const path = join(dir, 'feed.xml');
    await writeFile(path, body);
    const url = pathToFileURL(path).toString();

    const first = fetched(await fetchFeed(url, none, limits));
    expect(first).toMatchObject({ body, etag: null, finalUrl: url });
    expect(await fetchFeed(url, first, limits)).toEqual({ status: 'not-modified' });

    await writeFile(path, body.replace('20 killed', '44 killed'));
    await utimes(path, new Date('2024-12-01T00:00:00Z'), new Date('2024-12-01T00:00:01Z'));
    const changed = fetched(await fetchFeed(url, first, limits));
    expect(changed.body).toContain('44 killed');
    expect(changed.lastModified).toBe('2024-12-01T00:00:01.000Z');
  });

  it('refuses a file over maxBytes', async () => {
    const path = join(dir, 'big.xml');
    await writeFile(path, 'x'.repeat(2_000));
    await expect(fetchFeed(pathToFileURL(path).toString(), none, { ...limits, maxBytes: 1_024 })).rejects.toMatchObject(
      {
        code: 'FEED_TOO_LARGE',
      },
    );
  });

  it('fails a missing file with FEED_UNREACHABLE', async () => {
    const url = pathToFileURL(join(dir, 'absent.xml')).toString();
    await expect(fetchFeed(url, none, limits)).rejects.toMatchObject({
      code: 'FEED_UNREACHABLE',
      message: `FEED_UNREACHABLE: feed ${url}: expected a readable file, found ENOENT`,
    });
  });
});

describe('fetchFeed on other URLs', () => {
  it.each([
    ['ftp://wire.test/rss', 'expected an http:, https: or file: URL, found ftp:'],
    ['wire.test/rss', 'expected an absolute http(s):// or file:// URL'],
  ])('refuses %s with FEED_UNSUPPORTED_URL', async (url, detail) => {
    const error = await failure(fetchFeed(url, none, limits));
    expect(error).toMatchObject({ code: 'FEED_UNSUPPORTED_URL', retriable: false });
    expect(error.message).toContain(detail);
  });

  it('masks credentials in the URL it names', async () => {
    const error = await failure(fetchFeed('ftp://user:secret@wire.test/rss', none, limits));
    expect(error.message).toContain('ftp://***@wire.test/rss');
    expect(error.message).not.toContain('secret');
  });
});
