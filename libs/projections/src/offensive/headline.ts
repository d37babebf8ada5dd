import type { Qualifier, SourceId } from '@sitrep/events';

/** One report of a metric: a figure, who claims it, and where it was read. */
export interface MetricReport {
  value: number;
  qualifier: Qualifier;
  source: SourceId | null;
  reportedAt: string;
  knownAt: string;
  articleId: string;
  sentence: string;
}

export interface SourceFigure {
  source: SourceId | null;
  value: number;
  qualifier: Qualifier;
  reportedAt: string;
  articleId: string;
}

export interface Headline {
  value: number;
  qualifier: Qualifier;
  source: SourceId | null;
  reportedAt: string;
  articleId: string;
  sentence: string;
  bySource: SourceFigure[];
}

/** Which of two reports of one source is the more recent: publication, then the larger figure, then ingestion. */
export const later = (a: MetricReport, b: MetricReport): number =>
  a.reportedAt.localeCompare(b.reportedAt) || a.value - b.value || a.knownAt.localeCompare(b.knownAt);

/**
 * For each source (unattributed reports are a source of their own) its most recent figure, the
 * largest when one article, or several of the same time, give several; ranked largest first (then
 * the more recent, then by source name). The first is the headline: explain.ts reuses this ranking,
 * so that the explanation cannot disagree with the state.
 */
export const rankedSourceFigures = <R extends MetricReport>(reports: readonly R[]): R[] => {
  const latest = new Map<SourceId | null, R>();
  for (const report of reports) {
    const current = latest.get(report.source);
    if (current === undefined || later(report, current) > 0) latest.set(report.source, report);
  }
  return [...latest.values()].sort(
    (a, b) => b.value - a.value || -later(a, b) || (a.source ?? '~').localeCompare(b.source ?? '~'),
  );
};

/**
 * The headline of one metric, as ARCHITECTURE.md defines it: for each source its most recent figure
 * (see rankedSourceFigures); the headline is the largest of those, and every source's figure is
 * shown, largest first. Null when the metric was never reported.
 */
export const headlineOf = (reports: readonly MetricReport[]): Headline | null => {
  const figures = rankedSourceFigures(reports);
  const top = figures[0];
  if (top === undefined) return null;
  return {
    value: top.value,
    qualifier: top.qualifier,
    source: top.source,
    reportedAt: top.reportedAt,
    articleId: top.articleId,
    sentence: top.sentence,
    bySource: figures.map(({ source, value, qualifier, reportedAt, articleId }) => ({
      source,
      value,
      qualifier,
      reportedAt,
      articleId,
    })),
  };
};
