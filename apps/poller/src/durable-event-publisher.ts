import type { IEvent, IEventPublisher } from '@nestjs/cqrs';
import type { SitrepEvent } from '@sitrep/events';
import type { EventSink } from '@sitrep/transport';

/**
 * The CQRS event bus's publisher. The bus itself is in-process and fire-and-forget; this publisher
 * returns the sink's promise, so `await eventBus.publishAll(events)` waits for the Kafka
 * acknowledgement or the event-log commit, and rejects when they fail.
 */
export class DurableEventPublisher implements IEventPublisher {
  constructor(private readonly sink: EventSink) {}

  publish<T extends IEvent>(event: T): Promise<void> {
    return this.sink.publish([event as unknown as SitrepEvent]);
  }

  publishAll<T extends IEvent>(events: T[]): Promise<void> {
    return this.sink.publish(events as unknown as SitrepEvent[]);
  }
}
