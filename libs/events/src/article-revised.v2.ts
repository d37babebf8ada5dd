import type { Envelope } from './envelope';
import type { ARTICLE_REVISED } from './article-revised.v1';

/** Version 2 (issue 4), like ArticleIngested v2: the full new content with its language and authors. */
export interface ArticleRevisedV2 {
  articleId: string;
  feedUrl: string;
  outlet: string | null;
  title: string;
  link: string | null;
  publishedAt: string | null;
  text: string;
  contentHash: string;
  previousContentHash: string;
  language: string | null;
  authors: string[];
}

export type ArticleRevised = Envelope<typeof ARTICLE_REVISED, 2, ArticleRevisedV2>;
