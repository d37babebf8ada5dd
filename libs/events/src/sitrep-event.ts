import type { ArticleIngested } from './article-ingested.v1';
import type { ArticleRevised } from './article-revised.v1';
import { ARTICLE_INGESTED } from './article-ingested.v1';
import { ARTICLE_REVISED } from './article-revised.v1';
import type { Envelope } from './envelope';
import { EventShapeError, parseEnvelope } from './envelope';
import type { FeedSubscribed } from './feed-subscribed.v1';
import { FEED_SUBSCRIBED } from './feed-subscribed.v1';
import type { FeedUnsubscribed } from './feed-unsubscribed.v1';
import { FEED_UNSUBSCRIBED } from './feed-unsubscribed.v1';

/** Every event Sitrep writes, at its current version: what projections receive after upcasting. */
export type SitrepEvent = ArticleIngested | ArticleRevised | FeedSubscribed | FeedUnsubscribed;
export type SitrepEventType = SitrepEvent['type'];

/** Which field of `data` must hold which JSON type, per event type and version. */
const schemas: Record<string, Record<number, Record<string, 'string' | 'string?'>>> = {
  [ARTICLE_INGESTED]: {
    1: {
      articleId: 'string',
      feedUrl: 'string',
      outlet: 'string?',
      title: 'string',
      link: 'string?',
      publishedAt: 'string?',
      text: 'string',
      contentHash: 'string',
    },
  },
  [ARTICLE_REVISED]: {
    1: {
      articleId: 'string',
      feedUrl: 'string',
      outlet: 'string?',
      title: 'string',
      link: 'string?',
      publishedAt: 'string?',
      text: 'string',
      contentHash: 'string',
      previousContentHash: 'string',
    },
  },
  [FEED_SUBSCRIBED]: { 1: { feedId: 'string', url: 'string' } },
  [FEED_UNSUBSCRIBED]: { 1: { feedId: 'string', url: 'string' } },
};

/**
 * Reads an event from the boundary (a Kafka message, an event-log row): checks the envelope and its
 * data against the schema of its type and version. A later version of an event adds an upcaster here.
 */
export const parseSitrepEvent = (value: unknown): SitrepEvent => {
  const envelope: Envelope = parseEnvelope(value);
  const schema = schemas[envelope.type]?.[envelope.dataversion];
  if (!schema)
    throw new EventShapeError(`type ${envelope.type} v${envelope.dataversion}: unknown event type or version`);
  const data = envelope.data as Record<string, unknown>;
  const problems = Object.entries(schema).flatMap(([field, kind]) => {
    const found = data[field];
    if (typeof found === 'string') return [];
    if (kind === 'string?' && found === null) return [];
    return [
      `data.${field}: expected ${kind === 'string' ? 'a string' : 'a string or null'}, found ${JSON.stringify(found)}`,
    ];
  });
  if (problems.length > 0) throw new EventShapeError(`${envelope.type} ${envelope.id}: ${problems.join('; ')}`);
  return envelope as SitrepEvent;
};
