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

export type ArticleRevised = Envelope<typeof ARTICLE_REVISED, 1, ArticleRevisedV1>;
