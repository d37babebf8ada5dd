import type { ArticleIngested, ArticleRevised } from '@sitrep/events';
import { ARTICLE_INGESTED, ARTICLE_REVISED, dataschemaOf, deterministicEventId, EVENT_SOURCE } from '@sitrep/events';
import type { Article } from './normalise-item';

/**
 * The events one poll produces: ArticleIngested for an article never seen, ArticleRevised for a
 * known one whose content hash changed, nothing for one seen with this very content.
 *
 * `seen` maps article ids to the content hash last emitted for them. An article listed twice in
 * one poll (feeds do repeat items) counts once: its first listing, which in a newest-first feed
 * is the newest. Event ids derive from the article and its hashes, so a poll that is retried
 * after a crash produces the same ids and appending them again is a no-op.
 */
export const articleEventsFrom = (
  articles: readonly Article[],
  seen: ReadonlyMap<string, string>,
  now: Date,
): (ArticleIngested | ArticleRevised)[] => {
  const time = now.toISOString();
  const listed = new Set<string>();
  const events: (ArticleIngested | ArticleRevised)[] = [];
  for (const article of articles) {
    if (listed.has(article.articleId)) continue;
    listed.add(article.articleId);
    const previousContentHash = seen.get(article.articleId);
    if (previousContentHash === article.contentHash) continue;
    events.push(
      previousContentHash === undefined
        ? articleIngested(article, time)
        : articleRevised(article, previousContentHash, time),
    );
  }
  return events;
};

const dataOf = (article: Article) => ({
  articleId: article.articleId,
  feedUrl: article.feedUrl,
  outlet: article.outlet,
  title: article.title,
  link: article.link,
  publishedAt: article.publishedAt,
  text: article.text,
  contentHash: article.contentHash,
  language: article.language,
  authors: [...article.authors],
});

const articleIngested = (article: Article, time: string): ArticleIngested => ({
  specversion: '1.0',
  id: deterministicEventId(ARTICLE_INGESTED, article.articleId, article.contentHash),
  type: ARTICLE_INGESTED,
  source: EVENT_SOURCE,
  subject: article.articleId,
  time,
  datacontenttype: 'application/json',
  dataschema: dataschemaOf(ARTICLE_INGESTED, 2),
  dataversion: 2,
  data: dataOf(article),
});

const articleRevised = (article: Article, previousContentHash: string, time: string): ArticleRevised => ({
  specversion: '1.0',
  id: deterministicEventId(ARTICLE_REVISED, article.articleId, previousContentHash, article.contentHash),
  type: ARTICLE_REVISED,
  source: EVENT_SOURCE,
  subject: article.articleId,
  time,
  datacontenttype: 'application/json',
  dataschema: dataschemaOf(ARTICLE_REVISED, 2),
  dataversion: 2,
  data: { ...dataOf(article), previousContentHash },
});
