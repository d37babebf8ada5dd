import type { StoredEvent } from '@sitrep/events';
import { placeMentionsIn } from '@sitrep/extraction';
import { articleVersionOf, replaceArticleContribution } from '../article-contribution';
import type { Projection, SqlStatement } from '../projection';

/** The gazetteer places an article names, each with how many times it names it. */
export const placeMentionRowsOf = (article: { title: string; text: string; reportedAt: string }) => {
  const byName = new Map<
    string,
    { place: string; kind: string; province: string; lat: number; lon: number; mentions: number; reported_at: string }
  >();
  for (const { place } of placeMentionsIn(`${article.title}\n${article.text}`)) {
    const row = byName.get(place.name);
    if (row) row.mentions += 1;
    else {
      byName.set(place.name, {
        place: place.name,
        kind: place.kind,
        province: place.province,
        lat: place.lat,
        lon: place.lon,
        mentions: 1,
        reported_at: article.reportedAt,
      });
    }
  }
  return [...byName.values()];
};

export const placesProjection: Projection = {
  name: 'places',
  tables: ['place_articles', 'place_mentions'],
  evolve(stored: StoredEvent): SqlStatement[] {
    const article = articleVersionOf(stored);
    if (!article) return [];
    return replaceArticleContribution({
      tracker: 'place_articles',
      table: 'place_mentions',
      columns: [
        ['place', 'text'],
        ['kind', 'text'],
        ['province', 'text'],
        ['lat', 'double precision'],
        ['lon', 'double precision'],
        ['mentions', 'integer'],
        ['reported_at', 'timestamptz'],
      ],
      articleId: article.articleId,
      position: article.position,
      rows: placeMentionRowsOf(article),
    });
  },
};
