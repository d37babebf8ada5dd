import type { Db } from '../db';

export interface FeedView {
  id: string;
  url: string;
  active: boolean;
  subscribedAt: string;
  unsubscribedAt: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
}

interface FeedRow {
  id: string;
  url: string;
  active: boolean;
  subscribed_at: string;
  unsubscribed_at: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
}

const SELECT_FEEDS = `
  select f.id, f.url, f.active, f.subscribed_at, f.unsubscribed_at,
         s.last_polled_at, s.last_success_at, s.last_error
  from feeds f left join feed_poll_state s on s.feed_id = f.id`;

const viewOf = (row: FeedRow): FeedView => ({
  id: row.id,
  url: row.url,
  active: row.active,
  subscribedAt: row.subscribed_at,
  unsubscribedAt: row.unsubscribed_at,
  lastPolledAt: row.last_polled_at,
  lastSuccessAt: row.last_success_at,
  lastError: row.last_error,
});

export const listFeeds = async (db: Db, { activeOnly }: { activeOnly: boolean }): Promise<FeedView[]> => {
  const { rows } = await db.query<FeedRow>(
    `${SELECT_FEEDS} where $1::boolean = false or f.active order by f.subscribed_at, f.id`,
    [activeOnly],
  );
  return rows.map(viewOf);
};

export const getFeed = async (db: Db, id: string): Promise<FeedView | null> => {
  const { rows } = await db.query<FeedRow>(`${SELECT_FEEDS} where f.id = $1`, [id]);
  return rows[0] ? viewOf(rows[0]) : null;
};

/** True once any feed was ever subscribed: the sample feed is only for a fresh installation. */
export const anyFeedEverSubscribed = async (db: Db): Promise<boolean> =>
  (await db.query<{ any: boolean }>('select exists (select 1 from feeds) as any')).rows[0]?.any ?? false;
