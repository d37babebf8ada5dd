import type { PublishedSitrepEvent } from '@sitrep/events';
import { ARTICLE_INGESTED, dataschemaOf, deterministicEventId, EVENT_SOURCE } from '@sitrep/events';

export interface TestArticleOptions {
  /** Keeps one spec's event ids apart from another's. */
  readonly idPrefix?: string;
  readonly title?: string;
  readonly text?: string;
  /** The envelope's time. */
  readonly time?: string;
  /** Default: the envelope's time. */
  readonly publishedAt?: string | null;
  readonly feedUrl?: string;
  readonly outlet?: string | null;
  /** The version of ArticleIngested to write: logs hold both, v1 is upcast on read. */
  readonly version?: 1 | 2;
  /** v2 only. */
  readonly authors?: string[];
  /** Fields in no schema, for tests of how the log stores what it is given. */
  readonly extraData?: Record<string, unknown>;
}

/**
 * ArticleIngested for article `a_<n>`, as a poller would publish it. The id derives from the prefix,
 * n and the text, so the same arguments give the same event and another text another event.
 */
export const testArticleIngested = (n: number, options: TestArticleOptions = {}): PublishedSitrepEvent => {
  const {
    idPrefix = 'test',
    title = `Title ${n}`,
    text = `Body ${n}`,
    time = '2024-11-28T00:00:00.000Z',
    publishedAt = time,
    feedUrl = 'https://feed.test',
    outlet = 'Test',
    version = 1,
    authors = [],
    extraData = {},
  } = options;
  const data = {
    articleId: `a_${n}`,
    feedUrl,
    outlet,
    title,
    link: null,
    publishedAt,
    text,
    contentHash: deterministicEventId('content', title, text),
    ...extraData,
  };
  const envelope = {
    specversion: '1.0',
    id: deterministicEventId(idPrefix, String(n), text),
    type: ARTICLE_INGESTED,
    source: EVENT_SOURCE,
    subject: `a_${n}`,
    time,
    datacontenttype: 'application/json',
    dataschema: dataschemaOf(ARTICLE_INGESTED, version),
  } as const;
  return version === 1
    ? { ...envelope, dataversion: 1, data }
    : { ...envelope, dataversion: 2, data: { ...data, language: 'en', authors } };
};
