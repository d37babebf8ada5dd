import type { Envelope } from './envelope';

export const FEED_UNSUBSCRIBED = 'sitrep.feed.unsubscribed';

export interface FeedUnsubscribedV1 {
  feedId: string;
  url: string;
}

export type FeedUnsubscribed = Envelope<typeof FEED_UNSUBSCRIBED, 1, FeedUnsubscribedV1>;
