import type { Envelope } from './envelope';
import type { ARTICLE_INGESTED } from './article-ingested.v1';

/** Version 2 (issue 4): v1's fields, plus the article's language and authors as the feed gave them. */
export interface ArticleIngestedV2 {
  articleId: string; // stable: from the feed item's guid, else its canonical link
  feedUrl: string;
  outlet: string | null; // the feed's title, or the link's host
  title: string;
  link: string | null;
  publishedAt: string | null; // ISO-8601, as the feed stated it; may lag the real event
  text: string; // plain text, HTML stripped
  contentHash: string; // sha256 of the normalised title + text; same hash, same event id
  language: string | null; // the item's language, else the feed's (a tag such as "en" or "ar-SY"); null when unstated
  authors: string[]; // bylines (dc:creator, author), in the feed's order; empty when none, and for upcast v1 events
}

export type ArticleIngested = Envelope<typeof ARTICLE_INGESTED, 2, ArticleIngestedV2>;
