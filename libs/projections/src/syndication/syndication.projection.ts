import type { StoredEvent } from '@sitrep/events';
import { articleVersionOf } from '../article-contribution';
import type { Projection, SqlStatement } from '../projection';
import { sql } from '../projection';
import { simhashOf } from './fingerprint';

/**
 * At most this many of 64 simhash bits apart: copies of one wire story with another byline, dateline
 * or a paragraph trimmed differ by 0–10 bits; distinct reports of the same day on the same offensive
 * by 20 or more (measured on shared/corpus/dev).
 */
export const NEAR_DUPLICATE_BITS = 10;
/** Copies of one story are printed within days of each other; the same wording months apart is another story. */
export const SYNDICATION_WINDOW_DAYS = 3;

/**
 * Groups syndicated copies: an article joins the cluster of the closest earlier-logged article whose
 * fingerprint is near its own and that was reported within the window, or starts its own cluster.
 * Clusters depend on log order only, so a replay rebuilds the same ones.
 */
export const syndicationProjection: Projection = {
  name: 'syndication',
  tables: ['article_fingerprints'],
  evolve(stored: StoredEvent): SqlStatement[] {
    const article = articleVersionOf(stored);
    if (!article) return [];
    return [
      sql(
        `insert into article_fingerprints (article_id, event_position, simhash, reported_at, cluster_id)
         values ($1, $2, $3::bit(64), $4::timestamptz, coalesce(
           (select o.cluster_id from article_fingerprints o
            where o.article_id <> $1 and o.simhash is not null and $3::bit(64) is not null
              and bit_count(o.simhash # $3::bit(64)) <= $5
              and o.reported_at between $4::timestamptz - make_interval(days => $6) and $4::timestamptz + make_interval(days => $6)
            order by bit_count(o.simhash # $3::bit(64)), o.event_position limit 1),
           $1))
         on conflict (article_id) do update set event_position = excluded.event_position, simhash = excluded.simhash,
                reported_at = excluded.reported_at, cluster_id = excluded.cluster_id
         where article_fingerprints.event_position < excluded.event_position`,
        article.articleId,
        article.position,
        simhashOf(article.text),
        article.reportedAt,
        NEAR_DUPLICATE_BITS,
        SYNDICATION_WINDOW_DAYS,
      ),
    ];
  },
};
