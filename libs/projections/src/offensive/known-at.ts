import { ARTICLE_INGESTED, ARTICLE_REVISED, EventShapeError, parseSitrepEvent } from '@sitrep/events';
import { extractFacts } from '@sitrep/extraction';
import { articleVersionOf } from '../article-contribution';
import type { Db } from '../db';
import type { FactRow } from '../facts/facts.queries';
import { factRowsOf } from '../facts/facts.projection';

/**
 * Which of the two times of a fact a query is bounded by (issue 4): `asOf`, what had been reported
 * by then (the article's publication, `reported_at`); `knownAt`, what Sitrep had ingested by then
 * (when it recorded the event, `known_at`). Null: no bound. Both: facts that satisfy both.
 */
export interface TwoTimes {
  asOf: string | null;
  knownAt: string | null;
}

/**
 * The facts that articles revised after `knownAt` gave in the version Sitrep knew at `knownAt`.
 *
 * The facts table holds each article's latest version only, so bounding it by `known_at` alone would
 * drop an article revised after `knownAt` altogether, although Sitrep knew its earlier version then.
 * That version is still in the log: its event is read back and the facts re-extracted from it, as the
 * projection did when it applied it (extraction is pure), with that event's provenance. Known times
 * are compared at the millisecond, the precision at which known_at reaches the read models.
 */
export const factsKnownBeforeRevision = async (db: Db, knownAt: string): Promise<FactRow[]> => {
  const { rows } = await db.query<{ position: number; envelope: unknown; recorded_at: string; hash: string }>(
    `select distinct on (e.subject) e.position, e.envelope, e.recorded_at, e.hash
     from event_log e join fact_articles fa on fa.article_id = e.subject
     where fa.known_at > $1::timestamptz and date_trunc('milliseconds', e.recorded_at) <= $1::timestamptz
       and e.type = any($2::text[])
     order by e.subject, e.position desc`,
    [knownAt, [ARTICLE_INGESTED, ARTICLE_REVISED]],
  );
  return rows.flatMap((row) => {
    let event;
    try {
      event = parseSitrepEvent(row.envelope);
    } catch (error) {
      // An event of the wrong shape was dead-lettered when it was projected: it contributed nothing then either.
      if (error instanceof EventShapeError) return [];
      throw error;
    }
    const article = articleVersionOf({ position: row.position, event, recordedAt: row.recorded_at, hash: row.hash });
    if (!article) return [];
    const facts = extractFacts({ title: article.title, text: article.text, publishedAt: article.publishedAt });
    return factRowsOf(facts, article).map((fact) => ({
      ...fact,
      article_id: article.articleId,
      event_position: article.position,
    }));
  });
};
