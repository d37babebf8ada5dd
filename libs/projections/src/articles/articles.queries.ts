import type { Db } from '../db';
import { decodeCursor, encodeCursor } from '../cursor';

export interface ArticleSummary {
  id: string;
  title: string;
  link: string | null;
  outlet: string | null;
  feedUrl: string;
  publishedAt: string | null;
  ingestedAt: string;
  revisedAt: string | null;
  revision: number;
  contentHash: string;
  /** A language tag as the feed gave it; null when unstated (always, for articles ingested before v2). */
  language: string | null;
  authors: string[];
}

export interface ArticleDetail extends ArticleSummary {
  text: string;
}

interface ArticleRow {
  id: string;
  title: string;
  link: string | null;
  outlet: string | null;
  feed_url: string;
  published_at: string | null;
  ingested_at: string;
  revised_at: string | null;
  revision: number;
  content_hash: string;
  language: string | null;
  authors: string[];
  sort_at: string;
  text?: string;
}

const summaryOf = (row: ArticleRow): ArticleSummary => ({
  id: row.id,
  title: row.title,
  link: row.link,
  outlet: row.outlet,
  feedUrl: row.feed_url,
  publishedAt: row.published_at,
  ingestedAt: row.ingested_at,
  revisedAt: row.revised_at,
  revision: row.revision,
  contentHash: row.content_hash,
  language: row.language,
  authors: row.authors,
});

const COLUMNS =
  'id, title, link, outlet, feed_url, published_at, ingested_at, revised_at, revision, content_hash, language, authors, sort_at';

/** Newest first (by publication, else ingestion time), a page at a time. */
export const listArticles = async (
  db: Db,
  { limit, cursor }: { limit: number; cursor: string | null },
): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> => {
  const after = cursor === null ? null : decodeCursor(cursor, ['string', 'string']);
  const { rows } = await db.query<ArticleRow>(
    `select ${COLUMNS} from articles
     where $1::timestamptz is null or (sort_at, id) < ($1::timestamptz, $2::text)
     order by sort_at desc, id desc limit $3`,
    [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(summaryOf),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sort_at, last.id]) : null,
  };
};

export const getArticle = async (db: Db, id: string): Promise<ArticleDetail | null> => {
  const { rows } = await db.query<ArticleRow>(`select ${COLUMNS}, text from articles where id = $1`, [id]);
  const row = rows[0];
  return row ? { ...summaryOf(row), text: row.text ?? '' } : null;
};
