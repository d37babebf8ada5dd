import type { Envelope } from './envelope';

export const FEED_SUBSCRIBED = 'sitrep.feed.subscribed';

export interface FeedSubscribedV1 {
  feedId: string; // derived from the URL: subscribing one URL twice names one feed
  url: string;
}

export type FeedSubscribed = Envelope<typeof FEED_SUBSCRIBED, 1, FeedSubscribedV1>;
