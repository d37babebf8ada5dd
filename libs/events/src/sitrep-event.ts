import type { ArticleIngestedV1Envelope } from './article-ingested.v1';
import { ARTICLE_INGESTED } from './article-ingested.v1';
import type { ArticleIngested } from './article-ingested.v2';
import type { ArticleRevisedV1Envelope } from './article-revised.v1';
import { ARTICLE_REVISED } from './article-revised.v1';
import type { ArticleRevised } from './article-revised.v2';
import type { Envelope } from './envelope';
import { EventShapeError, parseEnvelope } from './envelope';
import type { FeedSubscribed } from './feed-subscribed.v1';
import { FEED_SUBSCRIBED } from './feed-subscribed.v1';
import type { FeedUnsubscribed } from './feed-unsubscribed.v1';
import { FEED_UNSUBSCRIBED } from './feed-unsubscribed.v1';
import { upcast } from './upcasters';

/** Every event Sitrep writes, at its current version: what projections receive after upcasting. */
export type SitrepEvent = ArticleIngested | ArticleRevised | FeedSubscribed | FeedUnsubscribed;
export type SitrepEventType = SitrepEvent['type'];

/** Every version of every event ever published: what the log and the topics may hold. */
export type PublishedSitrepEvent = SitrepEvent | ArticleIngestedV1Envelope | ArticleRevisedV1Envelope;

type FieldKind = 'string' | 'string?' | 'string[]';

const ARTICLE_V1: Record<string, FieldKind> = {
  articleId: 'string',
  feedUrl: 'string',
  outlet: 'string?',
  title: 'string',
  link: 'string?',
  publishedAt: 'string?',
  text: 'string',
  contentHash: 'string',
};
const ARTICLE_V2: Record<string, FieldKind> = { ...ARTICLE_V1, language: 'string?', authors: 'string[]' };

/** Which field of `data` must hold which JSON type, per event type and published version. */
const schemas: Record<string, Record<number, Record<string, FieldKind>>> = {
  [ARTICLE_INGESTED]: { 1: ARTICLE_V1, 2: ARTICLE_V2 },
  [ARTICLE_REVISED]: {
    1: { ...ARTICLE_V1, previousContentHash: 'string' },
    2: { ...ARTICLE_V2, previousContentHash: 'string' },
  },
  [FEED_SUBSCRIBED]: { 1: { feedId: 'string', url: 'string' } },
  [FEED_UNSUBSCRIBED]: { 1: { feedId: 'string', url: 'string' } },
};

const EXPECTED: Record<FieldKind, string> = {
  string: 'a string',
  'string?': 'a string or null',
  'string[]': 'an array of strings',
};

const fits = (kind: FieldKind, found: unknown): boolean => {
  switch (kind) {
    case 'string':
      return typeof found === 'string';
    case 'string?':
      return typeof found === 'string' || found === null;
    case 'string[]':
      return Array.isArray(found) && found.every((item) => typeof item === 'string');
  }
};

/**
 * Reads an event from the boundary as it was written: checks the envelope, and its data against the
 * schema of its type and version, without upcasting. For writers that must keep the bytes they were
 * given (the Kafka runner copying the topic into the log); readers want parseSitrepEvent.
 */
export const parsePublishedSitrepEvent = (value: unknown): PublishedSitrepEvent => {
  const envelope: Envelope = parseEnvelope(value);
  const schema = schemas[envelope.type]?.[envelope.dataversion];
  if (!schema)
    throw new EventShapeError(`type ${envelope.type} v${envelope.dataversion}: unknown event type or version`);
  const data = envelope.data as Record<string, unknown>;
  const problems = Object.entries(schema).flatMap(([field, kind]) =>
    fits(kind, data[field]) ? [] : [`data.${field}: expected ${EXPECTED[kind]}, found ${JSON.stringify(data[field])}`],
  );
  if (problems.length > 0) throw new EventShapeError(`${envelope.type} ${envelope.id}: ${problems.join('; ')}`);
  return envelope as PublishedSitrepEvent;
};

/**
 * Reads an event from the boundary (a Kafka message, an event-log row): checks it against the schema
 * of its type and version, then upcasts it to the current version (upcasters.ts).
 */
export const parseSitrepEvent = (value: unknown): SitrepEvent => upcast(parsePublishedSitrepEvent(value));
