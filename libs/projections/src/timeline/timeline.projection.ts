import type { StoredEvent } from '@sitrep/events';
import { extractDevelopments } from '@sitrep/extraction';
import { articleVersionOf, replaceArticleContribution } from '../article-contribution';
import type { Projection, SqlStatement } from '../projection';

/** Developments of the offensive (launch, captures, roads cut, shelling, cities reached) each article reports. */
export const timelineProjection: Projection = {
  name: 'timeline',
  tables: ['timeline_articles', 'developments'],
  evolve(stored: StoredEvent): SqlStatement[] {
    const article = articleVersionOf(stored);
    if (!article) return [];
    const developments = extractDevelopments({
      title: article.title,
      text: article.text,
      publishedAt: article.publishedAt,
    });
    return replaceArticleContribution({
      tracker: 'timeline_articles',
      table: 'developments',
      columns: [
        ['ordinal', 'integer'],
        ['kind', 'text'],
        ['place', 'text'],
        ['sentence', 'text'],
        ['title', 'text'],
        ['outlet', 'text'],
        ['reported_at', 'timestamptz'],
        ['known_at', 'timestamptz'],
      ],
      articleId: article.articleId,
      position: article.position,
      rows: developments.map((d, ordinal) => ({
        ordinal,
        kind: d.kind,
        place: d.place,
        sentence: d.sentence,
        title: article.title,
        outlet: article.outlet,
        reported_at: article.reportedAt,
        known_at: article.knownAt,
      })),
    });
  },
};
