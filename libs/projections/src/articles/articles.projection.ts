import type { StoredEvent } from '@sitrep/events';
import { ARTICLE_INGESTED, ARTICLE_REVISED } from '@sitrep/events';
import type { Projection, SqlStatement } from '../projection';
import { sql } from '../projection';

/** $1…$12 of both statements: an article's content as of this event, and where the event stands. */
const valuesOf = ({ event, position, recordedAt }: StoredEvent): unknown[] => {
  if (event.type !== ARTICLE_INGESTED && event.type !== ARTICLE_REVISED) return [];
  const { data } = event;
  return [
    data.articleId,
    data.feedUrl,
    data.outlet,
    data.title,
    data.link,
    data.publishedAt,
    data.text,
    data.contentHash,
    recordedAt,
    position,
    data.language,
    data.authors,
  ];
};

export const articlesProjection: Projection = {
  name: 'articles',
  tables: ['articles'],
  evolve(stored: StoredEvent): SqlStatement[] {
    switch (stored.event.type) {
      case ARTICLE_INGESTED:
        return [
          sql(
            `insert into articles (id, feed_url, outlet, title, link, published_at, text, content_hash, revision,
                                   ingested_at, sort_at, event_position, language, authors)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, coalesce($6::timestamptz, $9::timestamptz), $10, $11, $12)
             on conflict (id) do nothing`,
            ...valuesOf(stored),
          ),
        ];
      case ARTICLE_REVISED:
        // Guarded by position: a revision older than what the row already reflects changes nothing.
        return [
          sql(
            `update articles set feed_url = $2, outlet = $3, title = $4, link = $5, published_at = $6, text = $7,
                    content_hash = $8, revision = revision + 1, revised_at = $9,
                    sort_at = coalesce($6::timestamptz, ingested_at), event_position = $10,
                    language = $11, authors = $12
             where id = $1 and event_position < $10`,
            ...valuesOf(stored),
          ),
        ];
      default:
        return [];
    }
  },
};
