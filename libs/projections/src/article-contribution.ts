import type { StoredEvent } from '@sitrep/events';
import { ARTICLE_INGESTED, ARTICLE_REVISED } from '@sitrep/events';
import type { SqlStatement } from './projection';
import { sql } from './projection';

/** A column of rows passed as JSON: its name and the PostgreSQL type jsonb_to_recordset reads it as. */
export type ColumnSpec = readonly [name: string, type: string];

export interface ArticleContribution {
  /** The model's table with one row per article: article_id (primary key), event_position, and `trackerColumns`. */
  readonly tracker: string;
  readonly trackerColumns?: Readonly<Record<string, unknown>>;
  /** The table of the article's rows, keyed by (article_id, …); it has article_id and event_position columns. */
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  readonly articleId: string;
  readonly position: number;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/**
 * What an article contributes to a read model, replacing what an earlier event of the article
 * contributed. The tracker row holds the position of the event the rows come from, and only a later
 * event moves it: so an event applied again, or one older than the model already reflects (a replay
 * after a revision), deletes and inserts nothing; a revision whose text gives no rows still removes
 * the old ones.
 */
export const replaceArticleContribution = ({
  tracker,
  trackerColumns = {},
  table,
  columns,
  articleId,
  position,
  rows,
}: ArticleContribution): SqlStatement[] => {
  const extra = Object.keys(trackerColumns);
  const names = ['article_id', 'event_position', ...extra];
  const placeholders = names.map((_, i) => `$${i + 1}`);
  const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
  const statements = [
    sql(
      `insert into ${tracker} (${names.join(', ')}) values (${placeholders.join(', ')})
       on conflict (article_id) do update set ${updates.join(', ')}
       where ${tracker}.event_position < excluded.event_position`,
      articleId,
      position,
      ...extra.map((name) => trackerColumns[name]),
    ),
    sql(
      `delete from ${table} where article_id = $1
       and event_position < (select event_position from ${tracker} where article_id = $1)`,
      articleId,
    ),
  ];
  if (rows.length === 0) return statements;
  const columnNames = columns.map(([name]) => name);
  return [
    ...statements,
    sql(
      `insert into ${table} (article_id, event_position, ${columnNames.join(', ')})
       select $1, $2::bigint, ${columnNames.map((name) => `r.${name}`).join(', ')}
       from jsonb_to_recordset($3::jsonb) as r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})
       where $2::bigint = (select event_position from ${tracker} where article_id = $1)
       on conflict do nothing`,
      articleId,
      position,
      JSON.stringify(rows),
    ),
  ];
};

/** The article an event carries, as the offensive's read models see it; null for other events. */
export interface ArticleVersion {
  readonly articleId: string;
  readonly eventId: string;
  readonly position: number;
  readonly title: string;
  readonly text: string;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  /** The reported time: the publication, else the ingestion. */
  readonly reportedAt: string;
  /** The known time: when Sitrep recorded the event. */
  readonly knownAt: string;
}

// The feed's publication time may be any text a feed put there; one that does not parse counts as
// absent, so that the article is dated by its ingestion rather than failing the projection.
const isoTimeOrNull = (value: string | null): string | null => {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

export const articleVersionOf = ({ event, position, recordedAt }: StoredEvent): ArticleVersion | null => {
  if (event.type !== ARTICLE_INGESTED && event.type !== ARTICLE_REVISED) return null;
  const { data } = event;
  const publishedAt = isoTimeOrNull(data.publishedAt);
  return {
    articleId: data.articleId,
    eventId: event.id,
    position,
    title: data.title,
    text: data.text,
    outlet: data.outlet,
    publishedAt,
    reportedAt: publishedAt ?? new Date(recordedAt).toISOString(),
    knownAt: new Date(recordedAt).toISOString(),
  };
};
