import type { Envelope } from './envelope';

export const ARTICLE_REVISED = 'sitrep.article.revised';

/** A known article whose content changed: the full new content, and the hash it replaces. */
export interface ArticleRevisedV1 {
  articleId: string;
  feedUrl: string;
  outlet: string | null;
  title: string;
  link: string | null;
  publishedAt: string | null;
  text: string;
  contentHash: string;
  previousContentHash: string;
}

/** v1 as published; read through the v1 → v2 upcaster (upcasters.ts), never written any more. */
export type ArticleRevisedV1Envelope = Envelope<typeof ARTICLE_REVISED, 1, ArticleRevisedV1>;
