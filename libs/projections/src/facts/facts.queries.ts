import type { FactGroup, FactKind, Qualifier, SourceId } from '@sitrep/events';
import { decodeCursor, encodeCursor } from '../cursor';
import type { Db } from '../db';

/** A fact with its provenance: which article and sentence, who claims it, when reported and when known. */
export interface FactView {
  id: string;
  articleId: string;
  kind: FactKind;
  group: FactGroup | null;
  value: number | null;
  qualifier: Qualifier;
  place: string | null;
  source: SourceId | null;
  sentence: string;
  /** captured_place only: the side the sentence says took the place. */
  capturedBy: string | null;
  reportedAt: string;
  knownAt: string;
  extractorVersion: string;
  eventId: string;
  eventPosition: number;
}

export interface FactRow {
  article_id: string;
  ordinal: number;
  kind: string;
  grp: string | null;
  value: number | null;
  qualifier: string;
  place: string | null;
  source: string | null;
  sentence: string;
  side: string | null;
  reported_at: string;
  known_at: string;
  extractor_version: string;
  event_id: string;
  event_position: number;
}

export const FACT_COLUMNS =
  'article_id, ordinal, kind, grp, value, qualifier, place, source, sentence, side, reported_at, known_at, extractor_version, event_id, event_position';

export const factViewOf = (row: FactRow): FactView => ({
  id: `${row.article_id}:${row.ordinal}`,
  articleId: row.article_id,
  kind: row.kind as FactKind,
  group: row.grp as FactGroup | null,
  value: row.value,
  qualifier: row.qualifier as Qualifier,
  place: row.place,
  source: row.source as SourceId | null,
  sentence: row.sentence,
  capturedBy: row.side,
  reportedAt: row.reported_at,
  knownAt: row.known_at,
  extractorVersion: row.extractor_version,
  eventId: row.event_id,
  eventPosition: row.event_position,
});

export interface FactFilter {
  kind: FactKind | null;
  group: FactGroup | null;
  /** A source id, `'none'` for facts whose article names no claimant, or null for any. */
  source: SourceId | 'none' | null;
  /** Reported at or after / at or before (ISO-8601). */
  since: string | null;
  until: string | null;
  /** Known (ingested) at or before: the article version the model holds (issue 4). */
  knownAt?: string | null;
  limit: number;
  cursor: string | null;
}

/** Facts, newest report first (in article order within an article), filtered, a page at a time. */
export const listFacts = async (
  db: Db,
  filter: FactFilter,
): Promise<{ items: FactView[]; nextCursor: string | null }> => {
  const after = filter.cursor === null ? null : decodeCursor(filter.cursor, ['string', 'string', 'number']);
  const { rows } = await db.query<FactRow>(
    `select ${FACT_COLUMNS} from facts
     where ($1::text is null or kind = $1)
       and ($2::text is null or grp = $2)
       and ($3::text is null or ($3 = 'none' and source is null) or source = $3)
       and ($4::timestamptz is null or reported_at >= $4)
       and ($5::timestamptz is null or reported_at <= $5)
       and ($6::timestamptz is null or reported_at < $6
            or (reported_at = $6 and (article_id < $7 or (article_id = $7 and ordinal > $8))))
       and ($10::timestamptz is null or known_at <= $10)
     order by reported_at desc, article_id desc, ordinal asc
     limit $9`,
    [
      filter.kind,
      filter.group,
      filter.source,
      filter.since,
      filter.until,
      after?.[0] ?? null,
      after?.[1] ?? null,
      after?.[2] ?? null,
      filter.limit + 1,
      filter.knownAt ?? null,
    ],
  );
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(factViewOf),
    nextCursor:
      rows.length > filter.limit && last ? encodeCursor([last.reported_at, last.article_id, last.ordinal]) : null,
  };
};

/** The facts of one article, in the order the article states them. */
export const factsOfArticle = async (db: Db, articleId: string): Promise<FactView[]> => {
  const { rows } = await db.query<FactRow>(`select ${FACT_COLUMNS} from facts where article_id = $1 order by ordinal`, [
    articleId,
  ]);
  return rows.map(factViewOf);
};
