import type { DynamicModule, OnModuleInit } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';
import { CqrsModule, EventBus } from '@nestjs/cqrs';
import { EVENT_SINK } from '@sitrep/platform';
import type { EventSink } from '@sitrep/transport';
import { DurableEventPublisher } from './durable-event-publisher';
import { InitialFeeds, SAMPLE_FEEDS } from './initial-feeds';
import { PollFeedHandler } from './poll-feed.command';
import { PollSchedule } from './poll-schedule';

@Module({})
export class PollerModule implements OnModuleInit {
  constructor(
    private readonly eventBus: EventBus,
    @Inject(EVENT_SINK) private readonly sink: EventSink,
  ) {}

  static forRoot({ sampleFeeds = [] }: { sampleFeeds?: readonly string[] } = {}): DynamicModule {
    return {
      module: PollerModule,
      imports: [CqrsModule.forRoot()],
      providers: [{ provide: SAMPLE_FEEDS, useValue: sampleFeeds }, InitialFeeds, PollFeedHandler, PollSchedule],
    };
  }

  onModuleInit(): void {
    this.eventBus.publisher = new DurableEventPublisher(this.sink);
  }
}
