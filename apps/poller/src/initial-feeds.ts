import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Config } from '@sitrep/config';
import { feedIdFrom, feedSubscribed } from '@sitrep/feeds';
import { CONFIG, Database, EVENT_SINK } from '@sitrep/platform';
import { anyFeedEverSubscribed, getFeed } from '@sitrep/projections';
import type { EventSink } from '@sitrep/transport';

/** Feeds to subscribe when nothing was ever subscribed: the embedded default's sample feed. */
export const SAMPLE_FEEDS = Symbol('sitrep:sample-feeds');

/**
 * Subscribes the feeds of SITREP_FEEDS that are not subscribed yet, or, on a fresh installation
 * with none configured, the sample feeds. Emits FeedSubscribed like the API does.
 */
@Injectable()
export class InitialFeeds {
  private readonly logger = new Logger(InitialFeeds.name);
  done = false;

  constructor(
    private readonly database: Database,
    @Inject(EVENT_SINK) private readonly sink: EventSink,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(SAMPLE_FEEDS) private readonly sampleFeeds: readonly string[],
  ) {}

  async subscribe(): Promise<void> {
    const { pool } = this.database;
    let urls: readonly string[] = this.config.feeds;
    if (urls.length === 0 && !(await anyFeedEverSubscribed(pool))) urls = this.sampleFeeds;
    const missing: string[] = [];
    for (const url of urls) {
      if (!(await getFeed(pool, feedIdFrom(url)))?.active) missing.push(url);
    }
    await this.sink.publish(missing.map((url) => feedSubscribed(url, new Date())));
    for (const url of missing) this.logger.log(`feed subscribed url=${url}`);
    this.done = true;
  }
}
