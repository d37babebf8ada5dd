import { createHash, randomUUID } from 'node:crypto';
import type { FeedSubscribed, FeedUnsubscribed } from '@sitrep/events';
import { dataschemaOf, EVENT_SOURCE, FEED_SUBSCRIBED, FEED_UNSUBSCRIBED } from '@sitrep/events';

/** A feed's id, from its URL: subscribing one URL twice names one feed. */
export const feedIdFrom = (url: string): string =>
  `f_${createHash('sha256').update(url.trim()).digest('hex').slice(0, 20)}`;

// Feed events are decisions taken at a moment, not content: each gets a fresh id.
export const feedSubscribed = (url: string, now: Date): FeedSubscribed => ({
  specversion: '1.0',
  id: randomUUID(),
  type: FEED_SUBSCRIBED,
  source: EVENT_SOURCE,
  subject: feedIdFrom(url),
  time: now.toISOString(),
  datacontenttype: 'application/json',
  dataschema: dataschemaOf(FEED_SUBSCRIBED, 1),
  dataversion: 1,
  data: { feedId: feedIdFrom(url), url },
});

export const feedUnsubscribed = (feedId: string, url: string, now: Date): FeedUnsubscribed => ({
  specversion: '1.0',
  id: randomUUID(),
  type: FEED_UNSUBSCRIBED,
  source: EVENT_SOURCE,
  subject: feedId,
  time: now.toISOString(),
  datacontenttype: 'application/json',
  dataschema: dataschemaOf(FEED_UNSUBSCRIBED, 1),
  dataversion: 1,
  data: { feedId, url },
});
