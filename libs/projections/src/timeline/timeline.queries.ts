import type { Db } from '../db';

export interface TimelineArticle {
  id: string;
  title: string;
  outlet: string | null;
  reportedAt: string;
  sentence: string;
}

export interface TimelineEntry {
  kind: string;
  place: string | null;
  /** The day it was first reported (UTC). */
  date: string;
  firstReportedAt: string;
  latestReportedAt: string;
  /** Stories reporting it: syndicated copies count once. */
  reports: number;
  articles: TimelineArticle[];
}

/** Developments that happen again and again to one place, so that each day's is its own entry. */
const RECURRING = new Set(['city_shelled', 'air_strike']);

interface DevelopmentRow {
  article_id: string;
  kind: string;
  place: string | null;
  sentence: string;
  title: string;
  outlet: string | null;
  reported_at: string;
  cluster_id: string;
}

/**
 * The developments of the offensive, oldest first: one entry per development (kind and place; per
 * day for shelling and air strikes), with every article that reports it. `since` and `until` bound
 * the reported time; `knownAt` keeps what Sitrep had ingested by then (the article version it holds).
 */
export const getTimeline = async (
  db: Db,
  {
    kind,
    since,
    until,
    knownAt = null,
  }: { kind: string | null; since: string | null; until: string | null; knownAt?: string | null },
): Promise<{ applied: { knownAt: string | null }; items: TimelineEntry[] }> => {
  const { rows } = await db.query<DevelopmentRow>(
    `select d.article_id, d.kind, d.place, d.sentence, d.title, d.outlet, d.reported_at,
            coalesce(fp.cluster_id, d.article_id) as cluster_id
     from developments d left join article_fingerprints fp on fp.article_id = d.article_id
     where ($1::text is null or d.kind = $1)
       and ($2::timestamptz is null or d.reported_at >= $2::timestamptz)
       and ($3::timestamptz is null or d.reported_at <= $3::timestamptz)
       and ($4::timestamptz is null or d.known_at <= $4::timestamptz)
     order by d.reported_at, d.known_at, d.article_id, d.ordinal`,
    [kind, since, until, knownAt],
  );
  const entries = new Map<string, { entry: TimelineEntry; clusters: Set<string> }>();
  for (const row of rows) {
    const day = row.reported_at.slice(0, 10);
    const key = `${row.kind}|${row.place ?? ''}|${RECURRING.has(row.kind) ? day : ''}`;
    let found = entries.get(key);
    if (!found) {
      found = {
        entry: {
          kind: row.kind,
          place: row.place,
          date: day,
          firstReportedAt: row.reported_at,
          latestReportedAt: row.reported_at,
          reports: 0,
          articles: [],
        },
        clusters: new Set(),
      };
      entries.set(key, found);
    }
    found.clusters.add(row.cluster_id);
    found.entry.reports = found.clusters.size;
    found.entry.latestReportedAt = row.reported_at;
    found.entry.articles.push({
      id: row.article_id,
      title: row.title,
      outlet: row.outlet,
      reportedAt: row.reported_at,
      sentence: row.sentence,
    });
  }
  return { applied: { knownAt }, items: [...entries.values()].map(({ entry }) => entry) };
};
