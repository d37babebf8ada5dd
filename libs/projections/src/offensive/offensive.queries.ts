import type { Qualifier, SourceId } from '@sitrep/events';
import type { Db } from '../db';
import type { FactRow } from '../facts/facts.queries';
import { FACT_COLUMNS } from '../facts/facts.queries';
import type { TwoTimes } from './known-at';
import { factsKnownBeforeRevision } from './known-at';
import type { Headline, MetricReport } from './headline';
import { headlineOf } from './headline';
import type { MetricName } from './metrics';
import { METRIC_SQL, METRICS } from './metrics';

/**
 * Facts within the two times (see known-at.ts), one row per report: syndicated copies of one wire
 * story (one cluster, see syndication.projection.ts) that give the same figure count once, as their
 * earliest copy, with how many copies printed it and which. `$1` asOf, `$2` knownAt, `$3` the facts of
 * versions known at `$2` of articles revised since (a JSON array of fact rows).
 */
const REPORTS = `
  with known as (
    select ${FACT_COLUMNS} from facts where $2::timestamptz is null or known_at <= $2::timestamptz
    union all
    select ${FACT_COLUMNS} from jsonb_to_recordset($3::jsonb) as r(
      article_id text, ordinal integer, kind text, grp text, value double precision, qualifier text, place text,
      source text, sentence text, side text, reported_at timestamptz, known_at timestamptz, extractor_version text,
      event_id text, event_position bigint)
  ),
  copies as (
    select f.*, ${METRIC_SQL} as metric,
           count(*) over same_report as copies,
           array_agg(f.article_id) over (same_report order by f.reported_at, f.known_at, f.article_id
                                          rows between unbounded preceding and unbounded following) as copy_ids,
           row_number() over (same_report order by f.reported_at, f.known_at, f.article_id, f.ordinal) as nth
    from known f left join article_fingerprints fp on fp.article_id = f.article_id
    where $1::timestamptz is null or f.reported_at <= $1::timestamptz
    window same_report as (partition by coalesce(fp.cluster_id, f.article_id), f.kind, f.grp, f.value, f.qualifier, f.source, f.place)
  ),
  reports as (select * from copies where nth = 1)`;

/** The parameters $1 to $3 of REPORTS for the two times. */
const reportsParams = async (db: Db, { asOf, knownAt }: TwoTimes): Promise<[string | null, string | null, string]> => [
  asOf,
  knownAt,
  JSON.stringify(knownAt === null ? [] : await factsKnownBeforeRevision(db, knownAt)),
];

export interface ReportRow extends FactRow {
  metric: string;
  copies: number;
  copy_ids: string[];
}

export const reportOf = (row: ReportRow): MetricReport => ({
  value: row.value ?? 0,
  qualifier: row.qualifier as Qualifier,
  source: row.source as SourceId | null,
  reportedAt: row.reported_at,
  knownAt: row.known_at,
  articleId: row.article_id,
  sentence: row.sentence,
});

export interface CaptureReport {
  reportedAt: string;
  articleId: string;
  source: SourceId | null;
  capturedBy: string | null;
  sentence: string;
}

export interface CapturedPlace {
  place: string;
  /** The side the latest report that names one says took it: insurgents, government or other. */
  capturedBy: string | null;
  firstReport: CaptureReport;
  latestReport: CaptureReport;
  reports: number;
}

export interface DistanceReport {
  distanceKm: number;
  qualifier: Qualifier;
  source: SourceId | null;
  reportedAt: string;
  articleId: string;
  sentence: string;
}

export interface FrontLine extends DistanceReport {
  place: string;
  /** Every report of the distance to the place, oldest first. */
  reports: DistanceReport[];
}

export interface OffensiveState {
  /** The same as applied.asOf, kept for the clients of issue 3. */
  asOf: string | null;
  applied: TwoTimes;
  metrics: Record<MetricName, Headline | null>;
  capturedPlaces: CapturedPlace[];
  front: FrontLine[];
  lastIngestedAt: string | null;
}

const captureReportOf = (row: ReportRow): CaptureReport => ({
  reportedAt: row.reported_at,
  articleId: row.article_id,
  source: row.source as SourceId | null,
  capturedBy: row.side,
  sentence: row.sentence,
});

const capturedPlacesOf = (rows: readonly ReportRow[]): CapturedPlace[] => {
  const byPlace = new Map<string, ReportRow[]>();
  for (const row of rows) if (row.place !== null) byPlace.set(row.place, [...(byPlace.get(row.place) ?? []), row]);
  return [...byPlace.entries()]
    .map(([place, reports]) => {
      const first = reports[0] as ReportRow;
      const latest = reports.at(-1) as ReportRow;
      return {
        place,
        capturedBy: reports.filter((r) => r.side !== null).at(-1)?.side ?? null,
        firstReport: captureReportOf(first),
        latestReport: captureReportOf(latest),
        reports: reports.length,
      };
    })
    .sort((a, b) => a.firstReport.reportedAt.localeCompare(b.firstReport.reportedAt) || a.place.localeCompare(b.place));
};

const distanceOf = (row: ReportRow): DistanceReport => ({
  distanceKm: row.value ?? 0,
  qualifier: row.qualifier as Qualifier,
  source: row.source as SourceId | null,
  reportedAt: row.reported_at,
  articleId: row.article_id,
  sentence: row.sentence,
});

/** Per place, the latest reported distance of the front (the closest when one time gives several), and all of them. */
const frontOf = (rows: readonly ReportRow[]): FrontLine[] => {
  const byPlace = new Map<string, DistanceReport[]>();
  for (const row of rows)
    if (row.place !== null) byPlace.set(row.place, [...(byPlace.get(row.place) ?? []), distanceOf(row)]);
  return [...byPlace.entries()]
    .map(([place, reports]) => {
      const latest = [...reports].sort(
        (a, b) => b.reportedAt.localeCompare(a.reportedAt) || a.distanceKm - b.distanceKm,
      )[0] as DistanceReport;
      return { place, ...latest, reports };
    })
    .sort((a, b) => a.distanceKm - b.distanceKm || a.place.localeCompare(b.place));
};

/** The reports of the metrics within the two times, in the order reported (publication, then ingestion). */
export const metricReportRows = async (db: Db, times: TwoTimes, metric: MetricName | null): Promise<ReportRow[]> => {
  const { rows } = await db.query<ReportRow>(
    `${REPORTS} select * from reports
     where ($4::text is null and (metric = any($5::text[]) or kind in ('captured_place', 'distance_km')))
        or (metric = $4 and value is not null)
     order by reported_at, known_at, article_id, ordinal`,
    [...(await reportsParams(db, times)), metric, METRICS],
  );
  return rows;
};

/**
 * The picture of the offensive within the two times: as reported (by publication) up to `asOf`, as
 * Sitrep had ingested it by `knownAt`, both, or now.
 */
export const getOffensiveState = async (db: Db, times: TwoTimes): Promise<OffensiveState> => {
  const rows = await metricReportRows(db, times, null);
  const metrics = Object.fromEntries(
    METRICS.map((metric) => [
      metric,
      headlineOf(rows.filter((row) => row.metric === metric && row.value !== null).map(reportOf)),
    ]),
  ) as Record<MetricName, Headline | null>;
  const { rows: ingested } = await db.query<{ last: string | null }>(
    `select max(known_at) as last from fact_articles
     where ($1::timestamptz is null or reported_at <= $1::timestamptz)
       and ($2::timestamptz is null or known_at <= $2::timestamptz)`,
    [times.asOf, times.knownAt],
  );
  // The facts of an article revised after knownAt come from its earlier version, absent from fact_articles.
  const last =
    [ingested[0]?.last ?? null, ...rows.map((row) => row.known_at)]
      .filter((time): time is string => time !== null)
      .sort()
      .at(-1) ?? null;
  return {
    asOf: times.asOf,
    applied: { asOf: times.asOf, knownAt: times.knownAt },
    metrics,
    capturedPlaces: capturedPlacesOf(rows.filter((row) => row.kind === 'captured_place')),
    front: frontOf(rows.filter((row) => row.kind === 'distance_km')),
    lastIngestedAt: last,
  };
};

export interface HistoryItem extends MetricReport {
  extractorVersion: string;
  outlet: string | null;
  title: string | null;
  /** How many syndicated copies printed this report, and their articles (the first is the one above). */
  copies: number;
  copyArticleIds: string[];
}

/** Every report of one metric within the two times, in the order reported (publication, then ingestion), copies counted once. */
export const getMetricHistory = async (
  db: Db,
  { metric, source, ...times }: { metric: MetricName; source: SourceId | 'none' | null } & TwoTimes,
): Promise<{ metric: MetricName; applied: TwoTimes; items: HistoryItem[] }> => {
  const { rows } = await db.query<ReportRow & { outlet: string | null; title: string | null }>(
    `${REPORTS} select r.*, a.outlet, a.title from reports r left join articles a on a.id = r.article_id
     where r.metric = $4 and r.value is not null
       and ($5::text is null or ($5 = 'none' and r.source is null) or r.source = $5)
     order by r.reported_at, r.known_at, r.article_id, r.ordinal`,
    [...(await reportsParams(db, times)), metric, source],
  );
  return {
    metric,
    applied: { asOf: times.asOf, knownAt: times.knownAt },
    items: rows.map((row) => ({
      ...reportOf(row),
      extractorVersion: row.extractor_version,
      outlet: row.outlet,
      title: row.title,
      copies: row.copies,
      copyArticleIds: row.copy_ids,
    })),
  };
};
