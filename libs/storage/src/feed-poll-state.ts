import type { PoolClient, Queryable } from './pool';

export interface FeedPollState {
  readonly feedId: string;
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly consecutiveFailures: number;
}

export const loadFeedPollState = async (db: Queryable, feedId: string, url: string): Promise<FeedPollState> => {
  const { rows } = await db.query<{ etag: string | null; last_modified: string | null; consecutive_failures: number }>(
    'select etag, last_modified, consecutive_failures from feed_poll_state where feed_id = $1',
    [feedId],
  );
  const row = rows[0];
  return {
    feedId,
    url,
    etag: row?.etag ?? null,
    lastModified: row?.last_modified ?? null,
    consecutiveFailures: row?.consecutive_failures ?? 0,
  };
};

/** The content hash last emitted for each of these articles, by article id. */
export const seenContentHashes = async (db: Queryable, articleIds: readonly string[]): Promise<Map<string, string>> => {
  const { rows } = await db.query<{ article_id: string; content_hash: string }>(
    'select article_id, content_hash from seen_articles where article_id = any($1)',
    [articleIds],
  );
  return new Map(rows.map((row) => [row.article_id, row.content_hash]));
};

export interface PollSuccess {
  readonly feedId: string;
  readonly url: string;
  /** Null when the feed answered 304: the validators stay as they were. */
  readonly validators: { etag: string | null; lastModified: string | null } | null;
  readonly articles: readonly { articleId: string; contentHash: string }[];
}

/** Advances a feed's state; call it only once the poll's events were acknowledged. */
export const recordPollSuccess = async (client: PoolClient, success: PollSuccess): Promise<void> => {
  await client.query(
    `insert into feed_poll_state (feed_id, url, etag, last_modified, last_polled_at, last_success_at, consecutive_failures)
     values ($1, $2, $3, $4, now(), now(), 0)
     on conflict (feed_id) do update set url = excluded.url,
        etag = case when $5 then excluded.etag else feed_poll_state.etag end,
        last_modified = case when $5 then excluded.last_modified else feed_poll_state.last_modified end,
        last_polled_at = now(), last_success_at = now(), last_error = null, consecutive_failures = 0`,
    [
      success.feedId,
      success.url,
      success.validators?.etag ?? null,
      success.validators?.lastModified ?? null,
      success.validators !== null,
    ],
  );
  if (success.articles.length === 0) return;
  await client.query(
    `insert into seen_articles (article_id, content_hash, feed_id)
     select * from unnest($1::text[], $2::text[], $3::text[])
     on conflict (article_id) do update set content_hash = excluded.content_hash, seen_at = now()`,
    [
      success.articles.map((a) => a.articleId),
      success.articles.map((a) => a.contentHash),
      success.articles.map(() => success.feedId),
    ],
  );
};

export const recordPollFailure = async (db: Queryable, feedId: string, url: string, error: string): Promise<void> => {
  await db.query(
    `insert into feed_poll_state (feed_id, url, last_polled_at, last_error, consecutive_failures)
     values ($1, $2, now(), $3, 1)
     on conflict (feed_id) do update set last_polled_at = now(), last_error = excluded.last_error,
        consecutive_failures = feed_poll_state.consecutive_failures + 1`,
    [feedId, url, error],
  );
};
