import type { FactGroup, FactKind, Qualifier, SourceId } from '@sitrep/events';
import type { Db } from '../db';
import type { ReportOutcome } from './explain';
import { judgeReports } from './explain';
import type { Headline, MetricReport } from './headline';
import { headlineOf } from './headline';
import type { TwoTimes } from './known-at';
import type { MetricName } from './metrics';
import type { ReportRow } from './offensive.queries';
import { metricReportRows, reportOf } from './offensive.queries';

export const HEADLINE_RULE =
  "For each source its most recent figure (the largest when one article, or several of the same time, give several); the headline is the largest of those (ties: the more recent, then the source's name). Syndicated copies of one story count once.";

/** One fact behind a headline, with what became of it and where it came from: sentence, article, event. */
export interface ExplainedFact {
  outcome: ReportOutcome;
  reason: string;
  /** The id of the fact it lost to; null for the headline. */
  lostTo: string | null;
  fact: {
    id: string;
    kind: FactKind;
    group: FactGroup | null;
    value: number;
    qualifier: Qualifier;
    source: SourceId | null;
    sentence: string;
    reportedAt: string;
    knownAt: string;
    extractorVersion: string;
  };
  /** Syndicated copies of the story that printed the same fact, counted as this one (the first is it). */
  copies: number;
  copyArticleIds: string[];
  article: { id: string; title: string; outlet: string | null; publishedAt: string | null; link: string | null } | null;
  /** The event of the log the fact was read from; null only if the log no longer holds it. */
  event: { id: string; position: number; hash: string; type: string; recordedAt: string } | null;
}

export interface MetricExplanation {
  metric: MetricName;
  applied: TwoTimes;
  rule: string;
  /** The headline exactly as /v1/offensive/state gives it; null when the metric was never reported. */
  figure: Headline | null;
  reason: string | null;
  /** Each source's most recent figure, largest first: the headline first. */
  candidates: ExplainedFact[];
  /** The other reports, in the order reported, each with the figure that replaced it. */
  setAside: ExplainedFact[];
}

type Report = MetricReport & { row: ReportRow };

const factId = (row: ReportRow): string => `${row.article_id}:${row.ordinal}`;

/** The chain behind the headline of one metric within the two times: figure, candidates, reasons, articles, events. */
export const explainMetric = async (db: Db, metric: MetricName, times: TwoTimes): Promise<MetricExplanation> => {
  const rows = await metricReportRows(db, times, metric);
  const reports: Report[] = rows.map((row) => ({ ...reportOf(row), row }));
  const judgement = judgeReports(reports);
  const { rows: articles } = await db.query<{
    id: string;
    title: string;
    outlet: string | null;
    published_at: string | null;
    link: string | null;
  }>('select id, title, outlet, published_at, link from articles where id = any($1::text[])', [
    [...new Set(rows.map((row) => row.article_id))],
  ]);
  const { rows: events } = await db.query<{
    id: string;
    position: number;
    hash: string;
    type: string;
    recorded_at: string;
  }>('select id, position, hash, type, recorded_at from event_log where id = any($1::text[])', [
    [...new Set(rows.map((row) => row.event_id))],
  ]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const explained = ({
    report: { row },
    outcome,
    reason,
    lostTo,
  }: {
    report: Report;
    outcome: ReportOutcome;
    reason: string;
    lostTo: Report | null;
  }): ExplainedFact => {
    const article = articleById.get(row.article_id);
    const event = eventById.get(row.event_id);
    return {
      outcome,
      reason,
      lostTo: lostTo === null ? null : factId(lostTo.row),
      fact: {
        id: factId(row),
        kind: row.kind as FactKind,
        group: row.grp as FactGroup | null,
        value: row.value ?? 0,
        qualifier: row.qualifier as Qualifier,
        source: row.source as SourceId | null,
        sentence: row.sentence,
        reportedAt: row.reported_at,
        knownAt: row.known_at,
        extractorVersion: row.extractor_version,
      },
      copies: row.copies,
      copyArticleIds: row.copy_ids,
      article: article
        ? {
            id: article.id,
            title: article.title,
            outlet: article.outlet,
            publishedAt: article.published_at,
            link: article.link,
          }
        : null,
      event: event
        ? {
            id: event.id,
            position: event.position,
            hash: event.hash,
            type: event.type,
            recordedAt: event.recorded_at,
          }
        : null,
    };
  };
  return {
    metric,
    applied: { asOf: times.asOf, knownAt: times.knownAt },
    rule: HEADLINE_RULE,
    figure: headlineOf(rows.map(reportOf)),
    reason: judgement.reason,
    candidates: judgement.candidates.map(explained),
    setAside: judgement.setAside.map(explained),
  };
};
