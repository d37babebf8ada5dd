import { escapeXml, rssFeed, startFeedServer } from './feed-server';
import type { FeedServer } from './feed-server';
import { waitFor } from './wait-for';

describe('startFeedServer', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await startFeedServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('serves a feed on 127.0.0.1 with its content type and an ETag', async () => {
    server.set('/rss', '<rss/>');
    expect(server.url('/rss')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rss$/);

    const response = await fetch(server.url('/rss'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{16}"$/);
    expect(await response.text()).toBe('<rss/>');
  });

  it('answers 304 to a matching If-None-Match and counts it', async () => {
    server.set('/rss', '<rss/>');
    const etag = (await fetch(server.url('/rss'))).headers.get('etag') ?? '';

    const again = await fetch(server.url('/rss'), { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(server.requests('/rss')).toMatchObject({ total: 2, notModified: 1 });
  });

  it('gives a changed body a new ETag', async () => {
    server.set('/rss', '<rss/>');
    const before = (await fetch(server.url('/rss'))).headers.get('etag');
    server.set('/rss', '<rss version="2.0"/>');
    const after = await fetch(server.url('/rss'), { headers: { 'if-none-match': before ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('honours If-Modified-Since when asked to send Last-Modified', async () => {
    server.set('/rss', '<rss/>', { lastModified: new Date('2024-11-27T08:00:00.500Z'), etag: false });
    const first = await fetch(server.url('/rss'));
    expect(first.headers.get('last-modified')).toBe('Wed, 27 Nov 2024 08:00:00 GMT');
    expect(first.headers.get('etag')).toBeNull();

    const since = await fetch(server.url('/rss'), {
      headers: { 'if-modified-since': 'Wed, 27 Nov 2024 08:00:00 GMT' },
    });
    expect(since.status).toBe(304);
    const older = await fetch(server.url('/rss'), {
      headers: { 'if-modified-since': 'Tue, 26 Nov 2024 08:00:00 GMT' },
    });
    expect(older.status).toBe(200);
  });

  it('redirects, answers a set status, and 404s an unknown path', async () => {
    server.set('/old', '', { redirectTo: '/rss' });
    server.set('/down', 'down', { status: 503, contentType: 'text/plain' });

    const redirect = await fetch(server.url('/old'), { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/rss']);
    expect((await fetch(server.url('/down'))).status).toBe(503);
    expect((await fetch(server.url('/nowhere'))).status).toBe(404);
    expect(server.requests('/nowhere')).toMatchObject({ total: 1, notModified: 0 });
    expect(server.requests('/never')).toEqual({ total: 0, notModified: 0, lastHeaders: null });
  });

  it('delays a response, and streams a body in two parts', async () => {
    server.set('/slow', '<rss/>', { delayMs: 150 });
    server.set('/trickle', 'abcdef', { bodyDelayMs: 150 });

    const startedAt = Date.now();
    expect(await (await fetch(server.url('/slow'))).text()).toBe('<rss/>');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);

    const trickle = await fetch(server.url('/trickle'));
    expect(trickle.headers.get('content-length')).toBeNull();
    expect(await trickle.text()).toBe('abcdef');
  });

  it('closes twice without complaint', async () => {
    await server.close();
  });

  it('closes promptly even with a response still stalled', async () => {
    server.set('/stall', '<rss/>', { delayMs: 60_000 });
    const pending = fetch(server.url('/stall')).catch((error: unknown) => error);
    await waitFor(() => server.requests('/stall').total === 1, {
      what: 'the stalled request to arrive',
      timeoutMs: 2_000,
    });
    const startedAt = Date.now();
    await server.close();
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(await pending).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});

describe('rssFeed', () => {
  it('renders RSS 2.0 with every value escaped and content:encoded in CDATA', () => {
    const xml = rssFeed({
      title: 'Wire & "Co"',
      link: 'https://wire.test/?a=1&b=2',
      items: [
        {
          guid: 'g<1>',
          title: "Hama's <fall>",
          link: 'https://wire.test/1',
          description: '<p>At least 20 &amp; more</p>',
          pubDate: 'Thu, 05 Dec 2024 18:00:00 GMT',
          contentEncoded: '<p>a ]]> b</p>',
        },
        { title: 'No guid', description: 'plain' },
      ],
    });

    expect(xml).toContain('<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">');
    expect(xml).toContain('<title>Wire &amp; &quot;Co&quot;</title>');
    expect(xml).toContain('<link>https://wire.test/?a=1&amp;b=2</link>');
    expect(xml).toContain('<guid isPermaLink="false">g&lt;1&gt;</guid>');
    expect(xml).toContain('<title>Hama&apos;s &lt;fall&gt;</title>');
    expect(xml).toContain('<description>&lt;p&gt;At least 20 &amp;amp; more&lt;/p&gt;</description>');
    expect(xml).toContain('<content:encoded><![CDATA[<p>a ]]]]><![CDATA[> b</p>]]></content:encoded>');
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml.match(/<guid/g)).toHaveLength(1);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
