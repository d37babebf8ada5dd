import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { Config } from '@sitrep/config';
import { articleEventsFrom, articlesFrom, fetchFeed, parseFeed } from '@sitrep/feeds';
import { CONFIG, Database } from '@sitrep/platform';
import {
  inTransaction,
  loadFeedPollState,
  recordPollFailure,
  recordPollSuccess,
  seenContentHashes,
} from '@sitrep/storage';

export interface FeedRef {
  readonly id: string;
  readonly url: string;
}

export type PollOutcome =
  | { readonly status: 'not-modified' }
  | { readonly status: 'fetched'; readonly items: number; readonly ingested: number; readonly revised: number };

export class PollFeed extends Command<PollOutcome> {
  constructor(readonly feed: FeedRef) {
    super();
  }
}

/**
 * One poll of one feed: fetch (conditional), parse, normalise, compare with what was seen, publish
 * the events and, only once they are acknowledged, advance the feed's state. A failure anywhere
 * leaves the state as it was, so the next poll tries the same items again.
 */
@CommandHandler(PollFeed)
export class PollFeedHandler implements ICommandHandler<PollFeed> {
  private readonly logger = new Logger(PollFeedHandler.name);

  constructor(
    private readonly database: Database,
    private readonly eventBus: EventBus,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ feed }: PollFeed): Promise<PollOutcome> {
    const startedAt = performance.now();
    const { pool } = this.database;
    try {
      const state = await loadFeedPollState(pool, feed.id, feed.url);
      const fetched = await fetchFeed(feed.url, state, this.config.fetch);
      if (fetched.status === 'not-modified') {
        await inTransaction(pool, (client) =>
          recordPollSuccess(client, { ...feed, feedId: feed.id, validators: null, articles: [] }),
        );
        this.logger.log(`feed polled url=${feed.url} not-modified ${Math.round(performance.now() - startedAt)}ms`);
        return { status: 'not-modified' };
      }
      const parsed = await parseFeed(fetched.body, feed.url);
      const articles = articlesFrom(parsed, feed.url);
      const seen = await seenContentHashes(
        pool,
        articles.map((article) => article.articleId),
      );
      const events = articleEventsFrom(articles, seen, new Date());
      // The bus's publisher is the durable transport: this resolves once Kafka or the log has them.
      await this.eventBus.publishAll(events);
      await inTransaction(pool, (client) =>
        recordPollSuccess(client, {
          feedId: feed.id,
          url: feed.url,
          validators: { etag: fetched.etag, lastModified: fetched.lastModified },
          articles: events.map((event) => ({ articleId: event.data.articleId, contentHash: event.data.contentHash })),
        }),
      );
      const ingested = events.filter((event) => event.type === 'sitrep.article.ingested').length;
      const outcome = {
        status: 'fetched',
        items: articles.length,
        ingested,
        revised: events.length - ingested,
      } as const;
      this.logger.log(
        `feed polled url=${feed.url} items=${outcome.items} ingested=${ingested} revised=${outcome.revised} ${Math.round(performance.now() - startedAt)}ms`,
      );
      return outcome;
    } catch (error) {
      await recordPollFailure(pool, feed.id, feed.url, (error as Error).message).catch(() => undefined);
      throw error;
    }
  }
}
