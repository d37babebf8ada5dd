import type { Envelope } from './envelope';

export const ARTICLE_INGESTED = 'sitrep.article.ingested';

export interface ArticleIngestedV1 {
  articleId: string; // stable: from the feed item's guid, else its canonical link
  feedUrl: string;
  outlet: string | null; // the feed's title, or the link's host
  title: string;
  link: string | null;
  publishedAt: string | null; // ISO-8601, as the feed stated it; may lag the real event
  text: string; // plain text, HTML stripped
  contentHash: string; // sha256 of the normalised title + text; same hash, same event id
}

/** v1 as published; read through the v1 → v2 upcaster (upcasters.ts), never written any more. */
export type ArticleIngestedV1Envelope = Envelope<typeof ARTICLE_INGESTED, 1, ArticleIngestedV1>;
