import { createHash } from 'node:crypto';
import { articleIdentity, articleIdOf } from './article-id';
import { htmlToLine, htmlToText } from './html-to-text';
import type { FeedItem, ParsedFeed } from './parse-feed';

/** An item as Sitrep keeps it: the data of ArticleIngested v2. */
export interface Article {
  readonly articleId: string;
  readonly feedUrl: string;
  /** The feed's title, else the link's host. */
  readonly outlet: string | null;
  readonly title: string;
  readonly link: string | null;
  /** ISO-8601 in UTC; null when the feed gave no date, or one that is not a date. */
  readonly publishedAt: string | null;
  /** Plain text, paragraphs apart by "\n\n". */
  readonly text: string;
  /** sha256 (hex) of the title and text, normalised: the same content has the same hash. */
  readonly contentHash: string;
  /** The item's language, else the feed's, as a tag ("en", "ar-SY"); null when neither says. */
  readonly language: string | null;
  /** Bylines, plain text, each once; empty when the feed names none. */
  readonly authors: readonly string[];
}

export type SkipReason =
  /** Neither a guid nor an http(s) link: nothing would recognise the item at the next poll. */
  | 'no-identity'
  /** Neither a title nor any text. */
  | 'no-content';

export type NormalisedItem =
  | { readonly status: 'article'; readonly article: Article }
  | { readonly status: 'skipped'; readonly reason: SkipReason; readonly item: FeedItem };

type FeedContext = Pick<ParsedFeed, 'url' | 'title' | 'link'> & Partial<Pick<ParsedFeed, 'language'>>;

export const normaliseItem = (item: FeedItem, feed: FeedContext): NormalisedItem => {
  const link = absoluteLinkOf(item, feed);
  const identity = articleIdentity(item.guid, link, feed.url);
  if (identity === null) return { status: 'skipped', reason: 'no-identity', item };
  const title = normaliseText(htmlToLine(item.title ?? ''));
  const text = longestText([item.contentEncoded, item.content, item.summary, item.description]);
  if (title === '' && text === '') return { status: 'skipped', reason: 'no-content', item };
  return {
    status: 'article',
    article: {
      articleId: articleIdOf(identity),
      feedUrl: feed.url,
      outlet: outletOf(feed, link),
      title,
      link,
      publishedAt: isoDateOf(item.date),
      text,
      contentHash: contentHashOf(title, text),
      language: languageOf(item.language) ?? languageOf(feed.language ?? null),
      authors: [...new Set(item.authors.map((name) => normaliseText(htmlToLine(name))).filter((name) => name !== ''))],
    },
  };
};

/** The articles of a feed, in its order; items that cannot be articles are left out. */
export const articlesFrom = (feed: ParsedFeed, feedUrl: string = feed.url): Article[] =>
  feed.items.flatMap((item) => {
    const normalised = normaliseItem(item, { ...feed, url: feedUrl });
    return normalised.status === 'article' ? [normalised.article] : [];
  });

export const contentHashOf = (title: string, text: string): string =>
  createHash('sha256')
    .update(`${normaliseText(title)}\n${normaliseText(text)}`)
    .digest('hex');

const normaliseText = (text: string): string => text.normalize('NFC').trim();

const longestText = (bodies: readonly (string | null)[]): string =>
  bodies
    .map((body) => (body === null ? '' : normaliseText(htmlToText(body))))
    .reduce((longest, text) => (text.length > longest.length ? text : longest), '');

/**
 * The item's link made absolute (against the feed's site, else the feed's own URL), or else its
 * guid when that is a permalink and an absolute URL ("12345" is no link, whatever the feed
 * claims: isPermaLink defaults to true and many feeds leave it so). Only http(s) links are kept.
 */
const absoluteLinkOf = (item: FeedItem, feed: FeedContext): string | null => {
  const base = feed.link !== null && isHttp(feed.link) ? feed.link : feed.url;
  if (item.link !== null && URL.canParse(item.link, base)) {
    const resolved = new URL(item.link, base).toString();
    if (isHttp(resolved)) return resolved;
  }
  if (item.guidIsPermaLink && item.guid !== null && isHttp(item.guid)) return new URL(item.guid).toString();
  return null;
};

const isHttp = (url: string): boolean => /^https?:\/\//i.test(url) && URL.canParse(url);

const outletOf = (feed: FeedContext, link: string | null): string | null => {
  const title = feed.title === null ? '' : normaliseText(htmlToLine(feed.title));
  if (title !== '') return title;
  for (const url of [link, feed.link]) {
    if (url !== null && isHttp(url)) return new URL(url).hostname;
  }
  return null;
};

// A language tag (BCP 47, RFC 3066 in RSS): letters, digits and hyphens; "en_US" is a common slip
// for "en-US". Anything else is not a language tag, and counts as unstated.
const languageOf = (value: string | null): string | null => {
  const tag = value?.trim().replace(/_/g, '-') ?? '';
  return /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
};

const isoDateOf = (date: string | null): string | null => {
  if (date === null) return null;
  const time = Date.parse(date.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
};
