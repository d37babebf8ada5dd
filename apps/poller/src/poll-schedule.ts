import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Config } from '@sitrep/config';
import { CONFIG, Database } from '@sitrep/platform';
import { listFeeds } from '@sitrep/projections';
import { InitialFeeds } from './initial-feeds';
import { PollFeed } from './poll-feed.command';
import type { FeedRef } from './poll-feed.command';

const TICK_MS = 250;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * Polls every subscribed feed each interval, several at a time (config.pollConcurrency) but never
 * two polls of one feed at once. The feed list is re-read every tick, so a feed subscribed through
 * the API is polled without a restart. A failing feed backs off exponentially.
 */
@Injectable()
export class PollSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PollSchedule.name);
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly dueAt = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private feedListError: string | null = null;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly database: Database,
    private readonly initialFeeds: InitialFeeds,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    await this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled(this.inFlight.values());
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.timer === null) return;
    this.ticking = true;
    try {
      if (!this.initialFeeds.done) await this.initialFeeds.subscribe();
      const feeds = await listFeeds(this.database.pool, { activeOnly: true });
      const now = Date.now();
      for (const feed of feeds) {
        if (this.inFlight.size >= this.config.pollConcurrency) break;
        if (this.inFlight.has(feed.id) || (this.dueAt.get(feed.id) ?? 0) > now) continue;
        this.inFlight.set(feed.id, this.poll({ id: feed.id, url: feed.url }));
      }
      this.feedListError = null;
    } catch (error) {
      // Logged once per outage, not on every tick.
      const message = (error as Error).message;
      if (message !== this.feedListError) this.logger.warn(`feed list unavailable, retrying every tick: ${message}`);
      this.feedListError = message;
    } finally {
      this.ticking = false;
    }
  }

  private async poll(feed: FeedRef): Promise<void> {
    try {
      await this.commandBus.execute(new PollFeed(feed));
      this.failures.delete(feed.id);
      this.dueAt.set(feed.id, Date.now() + this.config.pollIntervalMs);
    } catch (error) {
      const failures = (this.failures.get(feed.id) ?? 0) + 1;
      this.failures.set(feed.id, failures);
      // A transient failure (broker outage, timeout) is retried soon; a feed that answers wrongly
      // (404, not a feed) is retried on its interval, backing off.
      const retriable = (error as { retriable?: unknown }).retriable !== false;
      const delayMs = retriable
        ? Math.min(60_000, 500 * 2 ** Math.min(failures, 7))
        : Math.min(MAX_BACKOFF_MS, this.config.pollIntervalMs * 2 ** Math.min(failures - 1, 10));
      this.dueAt.set(feed.id, Date.now() + delayMs);
      this.logger.warn(
        `feed poll failed url=${feed.url} attempt=${failures} retry in ${Math.round(delayMs / 1000)}s: ${(error as Error).message}`,
      );
    } finally {
      this.inFlight.delete(feed.id);
    }
  }
}
