import type { StoredEvent } from '@sitrep/events';
import { FEED_SUBSCRIBED, FEED_UNSUBSCRIBED } from '@sitrep/events';
import type { Projection, SqlStatement } from '../projection';
import { sql } from '../projection';

export const feedsProjection: Projection = {
  name: 'feeds',
  tables: ['feeds'],
  evolve({ event, position }: StoredEvent): SqlStatement[] {
    switch (event.type) {
      case FEED_SUBSCRIBED:
        return [
          sql(
            `insert into feeds (id, url, active, subscribed_at, event_position) values ($1, $2, true, $3, $4)
             on conflict (id) do update set active = true, subscribed_at = excluded.subscribed_at,
                    unsubscribed_at = null, event_position = excluded.event_position
             where feeds.event_position < excluded.event_position`,
            event.data.feedId,
            event.data.url,
            event.time,
            position,
          ),
        ];
      case FEED_UNSUBSCRIBED:
        return [
          sql(
            `update feeds set active = false, unsubscribed_at = $2, event_position = $3
             where id = $1 and event_position < $3`,
            event.data.feedId,
            event.time,
            position,
          ),
        ];
      default:
        return [];
    }
  },
};
