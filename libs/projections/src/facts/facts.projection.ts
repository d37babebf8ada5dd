import type { Fact, StoredEvent } from '@sitrep/events';
import { EXTRACTOR_VERSION, extractFacts } from '@sitrep/extraction';
import { articleVersionOf, replaceArticleContribution } from '../article-contribution';
import type { Projection, SqlStatement } from '../projection';
import { capturingSide } from './capturing-side';

/** The row a fact becomes: the fact, the side of a capture, and its provenance. */
export const factRowsOf = (
  facts: readonly Fact[],
  provenance: { reportedAt: string; knownAt: string; eventId: string },
) =>
  facts.map((fact, ordinal) => ({
    ordinal,
    kind: fact.kind,
    grp: fact.group,
    value: fact.value,
    qualifier: fact.qualifier,
    place: fact.place,
    source: fact.source,
    sentence: fact.sentence,
    side: fact.kind === 'captured_place' ? capturingSide(fact.sentence) : null,
    reported_at: provenance.reportedAt,
    known_at: provenance.knownAt,
    extractor_version: EXTRACTOR_VERSION,
    event_id: provenance.eventId,
  }));

/**
 * Facts read out of each article's latest version. Extraction runs here, in the reducer, because it
 * is pure: replaying the log with a new extractor rebuilds the facts and all that stands on them.
 */
export const factsProjection: Projection = {
  name: 'facts',
  tables: ['fact_articles', 'facts'],
  evolve(stored: StoredEvent): SqlStatement[] {
    const article = articleVersionOf(stored);
    if (!article) return [];
    const facts = extractFacts({ title: article.title, text: article.text, publishedAt: article.publishedAt });
    return replaceArticleContribution({
      tracker: 'fact_articles',
      trackerColumns: {
        event_id: article.eventId,
        reported_at: article.reportedAt,
        known_at: article.knownAt,
        extractor_version: EXTRACTOR_VERSION,
      },
      table: 'facts',
      columns: [
        ['ordinal', 'integer'],
        ['kind', 'text'],
        ['grp', 'text'],
        ['value', 'double precision'],
        ['qualifier', 'text'],
        ['place', 'text'],
        ['source', 'text'],
        ['sentence', 'text'],
        ['side', 'text'],
        ['reported_at', 'timestamptz'],
        ['known_at', 'timestamptz'],
        ['extractor_version', 'text'],
        ['event_id', 'text'],
      ],
      articleId: article.articleId,
      position: article.position,
      rows: factRowsOf(facts, article),
    });
  },
};
