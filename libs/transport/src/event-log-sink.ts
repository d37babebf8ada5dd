import type { PublishedSitrepEvent } from '@sitrep/events';
import type { Pool } from '@sitrep/storage';
import { announceAppend, appendEvents, inTransaction } from '@sitrep/storage';
import type { EventSink } from './event-sink';

/** The embedded transport: events go straight into the PostgreSQL event log. */
export class EventLogSink implements EventSink {
  constructor(private readonly pool: Pool) {}

  async publish(events: readonly PublishedSitrepEvent[]): Promise<void> {
    if (events.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      const { appended } = await appendEvents(client, events);
      const last = appended.at(-1);
      if (last) await announceAppend(client, last.position);
    });
  }

  async close(): Promise<void> {}
}
