export type FeedErrorCode =
  | 'FEED_UNREACHABLE'
  | 'FEED_TIMEOUT'
  | 'FEED_HTTP_STATUS'
  | 'FEED_TOO_LARGE'
  | 'FEED_TOO_MANY_REDIRECTS'
  | 'FEED_UNSUPPORTED_URL'
  | 'FEED_UNPARSABLE';

/** Whether a later poll may succeed where this one failed, unless the failure itself says otherwise. */
const RETRIABLE_BY_DEFAULT: Record<FeedErrorCode, boolean> = {
  FEED_UNREACHABLE: true,
  FEED_TIMEOUT: true,
  FEED_HTTP_STATUS: false,
  FEED_TOO_LARGE: false,
  FEED_TOO_MANY_REDIRECTS: false,
  FEED_UNSUPPORTED_URL: false,
  FEED_UNPARSABLE: false,
};

/**
 * A feed that could not be fetched or read. The message names the feed and says what was expected
 * and what was found: `FEED_HTTP_STATUS: feed https://…/rss: expected 200 or 304, found 503`.
 */
export class FeedError extends Error {
  readonly retriable: boolean;

  constructor(
    readonly code: FeedErrorCode,
    readonly url: string,
    detail: string,
    options: { retriable?: boolean; cause?: unknown } = {},
  ) {
    super(`${code}: feed ${displayUrl(url)}: ${detail}`, { cause: options.cause });
    this.name = 'FeedError';
    this.retriable = options.retriable ?? RETRIABLE_BY_DEFAULT[code];
  }
}

/** The URL as messages and logs may show it: credentials in the user-info part are masked. */
export const displayUrl = (url: string): string => {
  // Not a URL at all: shown as given, but quoted and short, since it may be anything.
  if (!URL.canParse(url)) return JSON.stringify(url.length > 120 ? `${url.slice(0, 120)}…` : url);
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return url;
  parsed.username = '***';
  parsed.password = '';
  return parsed.toString();
};
