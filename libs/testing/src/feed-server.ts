import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRoute {
  /** Default: application/rss+xml; charset=utf-8. */
  readonly contentType?: string;
  /** Default 200. Conditional requests are honoured for 200 only. */
  readonly status?: number;
  /** Wait this long before answering at all. */
  readonly delayMs?: number;
  /** Send the headers and the first half of the body, then wait this long before the rest. */
  readonly bodyDelayMs?: number;
  /** Answer 302 with this Location (relative or absolute), whatever else is set. */
  readonly redirectTo?: string;
  /** Send Last-Modified and honour If-Modified-Since. */
  readonly lastModified?: Date;
  /** Default true: send an ETag (a hash of the body) and honour If-None-Match. */
  readonly etag?: boolean;
  /** Stream the body in chunks without a Content-Length, as a server that does not know the size. */
  readonly chunked?: boolean;
}

export interface FeedRequests {
  /** Every request to the path, whatever was answered. */
  readonly total: number;
  /** How many of them were answered 304. */
  readonly notModified: number;
  /** The headers of the latest request, or null before the first. */
  readonly lastHeaders: IncomingHttpHeaders | null;
}

export interface FeedServer {
  /** The absolute URL of a path on this server, e.g. url('/rss') → http://127.0.0.1:40123/rss. */
  url(path: string): string;
  /** Serves `body` at `path` from now on; an unknown path is a 404. */
  set(path: string, body: string | Buffer, options?: FeedRoute): void;
  requests(path: string): FeedRequests;
  /** Ends stalled responses too; closing again does nothing. */
  close(): Promise<void>;
}

interface Route extends FeedRoute {
  readonly body: Buffer;
  readonly etagValue: string;
}

/**
 * A real HTTP server on 127.0.0.1, on a free port, serving feeds that a test sets: the stand-in for
 * the outlets' servers in integration tests. It honours conditional requests the way a well-behaved
 * feed server does, so the poller's 304 path can be seen at work.
 */
export const startFeedServer = async (): Promise<FeedServer> => {
  const routes = new Map<string, Route>();
  const counts = new Map<string, { total: number; notModified: number; lastHeaders: IncomingHttpHeaders | null }>();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://feed-server').pathname;
    const count = counts.get(path) ?? { total: 0, notModified: 0, lastHeaders: null };
    counts.set(path, { ...count, total: count.total + 1, lastHeaders: request.headers });
    const route = routes.get(path);
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no feed at ${path}`);
      return;
    }
    if (route.delayMs) await wait(route.delayMs);
    if (response.destroyed) return;
    if (route.redirectTo !== undefined) {
      response.writeHead(302, { location: route.redirectTo }).end();
      return;
    }
    const status = route.status ?? 200;
    const headers: Record<string, string> = {
      'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8',
    };
    if (status === 200 && route.etag !== false) headers.etag = route.etagValue;
    if (status === 200 && route.lastModified) headers['last-modified'] = route.lastModified.toUTCString();
    if (status === 200 && isNotModified(request.headers, route)) {
      const current = counts.get(path) ?? count;
      counts.set(path, { ...current, notModified: current.notModified + 1 });
      response.writeHead(304, headers).end();
      return;
    }
    if (route.bodyDelayMs === undefined && !route.chunked) {
      response.writeHead(status, { ...headers, 'content-length': String(route.body.byteLength) }).end(route.body);
      return;
    }
    response.writeHead(status, headers);
    const half = Math.floor(route.body.byteLength / 2);
    response.write(route.body.subarray(0, half));
    if (route.bodyDelayMs) await wait(route.bodyDelayMs);
    if (response.destroyed) return;
    response.end(route.body.subarray(half));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A test helper's own failure: answer 500 so that the test sees it rather than a hang.
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => new URL(path, `http://127.0.0.1:${port}`).toString(),
    set: (path, body, options = {}) => {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const etagValue = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
      routes.set(path, { ...options, body: bytes, etagValue });
    },
    requests: (path) => counts.get(path) ?? { total: 0, notModified: 0, lastHeaders: null },
    close: async () => {
      if (!server.listening) return;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Stalled responses (delays, a client that gave up) must not keep close() waiting.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};

/** RFC 9110 §13.1: If-None-Match wins over If-Modified-Since; ETags compare weakly for GET. */
const isNotModified = (headers: IncomingHttpHeaders, route: Route): boolean => {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (route.etag === false) return false;
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(route.etagValue);
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince !== undefined && route.lastModified) {
    const since = Date.parse(ifModifiedSince);
    // HTTP dates have whole seconds.
    return !Number.isNaN(since) && Math.floor(route.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
};

export interface RssItemFixture {
  readonly guid?: string;
  /** Default false: a guid given here is an opaque id unless said otherwise. */
  readonly guidIsPermaLink?: boolean;
  readonly title: string;
  readonly link?: string;
  /** HTML or text; escaped into the element, as most feeds carry HTML. */
  readonly description: string;
  /** An RFC 822 date, as RSS wants (`new Date(…).toUTCString()` gives one), or any text to test with. */
  readonly pubDate?: string;
  /** HTML, carried in CDATA. */
  readonly contentEncoded?: string;
}

export interface RssFeedFixture {
  readonly title: string;
  readonly link: string;
  readonly description?: string;
  readonly items: readonly RssItemFixture[];
}

/** Renders an RSS 2.0 document, every value escaped. */
export const rssFeed = ({ title, link, description, items }: RssFeedFixture): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    `<title>${escapeXml(title)}</title>`,
    `<link>${escapeXml(link)}</link>`,
    `<description>${escapeXml(description ?? title)}</description>`,
    ...items.map(rssItem),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');

const rssItem = (item: RssItemFixture): string =>
  [
    '<item>',
    item.guid === undefined
      ? null
      : `<guid isPermaLink="${item.guidIsPermaLink === true}">${escapeXml(item.guid)}</guid>`,
    `<title>${escapeXml(item.title)}</title>`,
    item.link === undefined ? null : `<link>${escapeXml(item.link)}</link>`,
    item.pubDate === undefined ? null : `<pubDate>${escapeXml(item.pubDate)}</pubDate>`,
    `<description>${escapeXml(item.description)}</description>`,
    item.contentEncoded === undefined ? null : `<content:encoded>${cdata(item.contentEncoded)}</content:encoded>`,
    '</item>',
  ]
    .filter((line) => line !== null)
    .join('\n');

export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

// "]]>" cannot appear inside CDATA: the section is closed before its ">" and reopened.
const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
