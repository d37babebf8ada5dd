import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeFeedBody } from './decode-feed-body';
import { FeedError } from './feed-error';

/** What the last successful fetch of a feed answered, sent back so that an unchanged feed costs a 304. */
export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface FetchLimits {
  /** Covers the whole fetch: every redirect, the headers and the body. */
  readonly timeoutMs: number;
  /** Of the body as received after decompression. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

/** A 304 is an expected outcome, not an error. */
export type FeedFetch =
  | { readonly status: 'not-modified' }
  | {
      readonly status: 'fetched';
      readonly body: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
      /** Where the body came from after redirects. */
      readonly finalUrl: string;
    };

export const FEED_USER_AGENT = 'Sitrep/0.1 (feed poller; +https://github.com/sitrep)';

const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * Fetches a feed over http(s) or from a file:// URL. Never throws anything but a FeedError.
 */
export const fetchFeed = async (url: string, validators: FeedValidators, limits: FetchLimits): Promise<FeedFetch> => {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed === null)
    throw new FeedError(
      'FEED_UNSUPPORTED_URL',
      url,
      'expected an absolute http(s):// or file:// URL, found a string that is not a URL',
    );
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      return fetchHttp(parsed, validators, limits);
    case 'file:':
      return fetchFile(parsed, validators, limits);
    default:
      throw new FeedError(
        'FEED_UNSUPPORTED_URL',
        url,
        `expected an http:, https: or file: URL, found ${parsed.protocol}`,
      );
  }
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const fetchHttp = async (start: URL, validators: FeedValidators, limits: FetchLimits): Promise<FeedFetch> => {
  // One signal for the whole fetch: a server that answers headers promptly and then trickles the
  // body (or redirects forever, slowly) still hits the deadline.
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const headers: Record<string, string> = { 'user-agent': FEED_USER_AGENT, accept: ACCEPT };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;

  let current = start;
  for (let redirects = 0; ; redirects += 1) {
    const response = await request(start, current, headers, signal, limits);
    if (REDIRECT_STATUSES.has(response.status) && response.headers.has('location')) {
      await discard(response);
      const location = response.headers.get('location') ?? '';
      if (!URL.canParse(location, current.href)) {
        throw new FeedError(
          'FEED_HTTP_STATUS',
          start.href,
          `expected a redirect to a URL, found ${response.status} to ${JSON.stringify(location)}`,
        );
      }
      const next = new URL(location, current);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        // An http feed must never be able to make Sitrep read a local file.
        throw new FeedError(
          'FEED_UNSUPPORTED_URL',
          start.href,
          `expected a redirect to http(s), found a redirect to ${next.protocol}`,
        );
      }
      if (redirects + 1 > limits.maxRedirects) {
        throw new FeedError(
          'FEED_TOO_MANY_REDIRECTS',
          start.href,
          `expected at most ${limits.maxRedirects} redirect(s), found more (the last to ${next.href})`,
        );
      }
      current = next;
      continue;
    }
    if (response.status === 304) {
      await discard(response);
      return { status: 'not-modified' };
    }
    if (response.status < 200 || response.status > 299) {
      await discard(response);
      const retriable = response.status >= 500 || response.status === 429 || response.status === 408;
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      const via = current.href === start.href ? '' : ` from ${current.href}`;
      throw new FeedError(
        'FEED_HTTP_STATUS',
        start.href,
        `expected 200 or 304, found ${response.status}${statusText}${via}`,
        { retriable },
      );
    }
    const bytes = await readLimited(start, response, signal, limits);
    return {
      status: 'fetched',
      body: decodeFeedBody(bytes, response.headers.get('content-type')),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      finalUrl: current.href,
    };
  }
};

const request = async (
  start: URL,
  current: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  limits: FetchLimits,
): Promise<Response> => {
  try {
    return await fetch(current, { headers, signal, redirect: 'manual' });
  } catch (error) {
    throw failure(start, current, error, signal, limits);
  }
};

/** Maps what fetch or a body read threw to a FeedError. */
const failure = (start: URL, current: URL, error: unknown, signal: AbortSignal, limits: FetchLimits): FeedError => {
  if (error instanceof FeedError) return error;
  if (signal.aborted) {
    return new FeedError(
      'FEED_TIMEOUT',
      start.href,
      `expected a complete response within ${limits.timeoutMs}ms, found none`,
      { cause: error },
    );
  }
  // undici reports network failures as TypeError('fetch failed') with the socket error as its cause.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const reason =
    typeof cause?.code === 'string'
      ? cause.code
      : typeof cause?.message === 'string'
        ? cause.message
        : (error as Error).message;
  const at = current.href === start.href ? '' : ` at ${current.host}`;
  return new FeedError('FEED_UNREACHABLE', start.href, `expected a response${at}, found ${reason}`, { cause: error });
};

/** Reads the body, giving up as soon as it passes maxBytes rather than after buffering it all. */
const readLimited = async (
  start: URL,
  response: Response,
  signal: AbortSignal,
  limits: FetchLimits,
): Promise<Uint8Array> => {
  const tooLarge = (found: string): FeedError =>
    new FeedError('FEED_TOO_LARGE', start.href, `expected at most ${limits.maxBytes} bytes, found ${found}`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await discard(response);
    throw tooLarge(`a Content-Length of ${declared}`);
  }
  if (response.body === null) return new Uint8Array(0);
  // undici types the body's chunks as any; they are bytes.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) throw tooLarge(`more (${size} bytes and counting)`);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined); // the socket is being dropped anyway
    throw failure(start, new URL(response.url || start.href), error, signal, limits);
  }
  return Buffer.concat(chunks, size);
};

const discard = async (response: Response): Promise<void> => {
  // An unread body keeps its connection busy until garbage collection; a failed cancel changes nothing.
  await response.body?.cancel().catch(() => undefined);
};

/**
 * A file feed is "not modified" while its mtime is what was last seen: the mtime, to the
 * millisecond, plays the part of Last-Modified.
 */
const fetchFile = async (url: URL, validators: FeedValidators, limits: FetchLimits): Promise<FeedFetch> => {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch (error) {
    throw new FeedError(
      'FEED_UNSUPPORTED_URL',
      url.href,
      `expected a local file:// URL, found ${(error as Error).message}`,
      { cause: error },
    );
  }
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new FeedError(
      'FEED_UNREACHABLE',
      url.href,
      `expected a readable file, found ${error.code ?? error.message}`,
      { cause: error },
    );
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new FeedError('FEED_UNREACHABLE', url.href, 'expected a readable file, found a directory or device', {
        retriable: false,
      });
    const lastModified = stat.mtime.toISOString();
    if (validators.lastModified === lastModified) return { status: 'not-modified' };
    if (stat.size > limits.maxBytes) {
      throw new FeedError(
        'FEED_TOO_LARGE',
        url.href,
        `expected at most ${limits.maxBytes} bytes, found a file of ${stat.size}`,
      );
    }
    const bytes = await handle.readFile({ signal: AbortSignal.timeout(limits.timeoutMs) });
    if (bytes.byteLength > limits.maxBytes) {
      throw new FeedError(
        'FEED_TOO_LARGE',
        url.href,
        `expected at most ${limits.maxBytes} bytes, found ${bytes.byteLength}`,
      );
    }
    return { status: 'fetched', body: decodeFeedBody(bytes, null), etag: null, lastModified, finalUrl: url.href };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') {
      throw new FeedError(
        'FEED_TIMEOUT',
        url.href,
        `expected the file read within ${limits.timeoutMs}ms, found it still reading`,
        { cause: error },
      );
    }
    throw new FeedError('FEED_UNREACHABLE', url.href, `expected a readable file, found ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await handle.close();
  }
};
