import type { Qualifier } from '@sitrep/events';
import type { MetricReport } from './headline';
import { later, rankedSourceFigures } from './headline';

/**
 * What became of one report of a metric when the headline was chosen (issue 4, explain):
 * - `headline`: the winner, the largest of the sources' most recent figures;
 * - `outranked`: a source's most recent figure, smaller than the headline (or equal and less recent);
 * - `older_report`: the same source reported again later;
 * - `smaller_in_same_article`: the article gives a larger figure of the same metric;
 * - `smaller_at_same_time`: the same source gave a larger figure at the same time, in another article;
 * - `repeated`: the same figure of the same source at the same time, counted once.
 */
export type ReportOutcome =
  'headline' | 'outranked' | 'older_report' | 'smaller_in_same_article' | 'smaller_at_same_time' | 'repeated';

export interface JudgedReport<R extends MetricReport> {
  report: R;
  outcome: ReportOutcome;
  reason: string;
  /** The report it lost to: its source's most recent figure, or the headline; null for the headline. */
  lostTo: R | null;
}

export interface HeadlineJudgement<R extends MetricReport> {
  winner: R | null;
  reason: string | null;
  /** Each source's most recent figure, largest first: the headline, then those it outranked. */
  candidates: JudgedReport<R>[];
  /** Every other report, in the order given, with the candidate of its source it lost to. */
  setAside: JudgedReport<R>[];
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  about: 'about ',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
};

const figure = (report: MetricReport): string => `${QUALIFIER_WORDS[report.qualifier]}${report.value}`;
const sourceName = (report: MetricReport): string => report.source ?? 'an unattributed report';
const possessive = (report: MetricReport): string =>
  report.source === null ? 'an unattributed report’s' : `${report.source}’s`;
const when = (report: MetricReport): string => report.reportedAt;

const setAsideReason = (report: MetricReport, kept: MetricReport): { outcome: ReportOutcome; reason: string } => {
  if (report.reportedAt < kept.reportedAt)
    return {
      outcome: 'older_report',
      reason: `an older report of the same source: ${sourceName(kept)} reported ${figure(kept)} later, at ${when(kept)}`,
    };
  if (report.value < kept.value && report.articleId === kept.articleId)
    return {
      outcome: 'smaller_in_same_article',
      reason: `a smaller figure within the same article, which also gives ${figure(kept)}: the larger is kept`,
    };
  if (report.value < kept.value)
    return {
      outcome: 'smaller_at_same_time',
      reason: `a smaller figure than the ${figure(kept)} ${sourceName(kept)} reported at the same time (article ${kept.articleId}): the larger is kept`,
    };
  return {
    outcome: 'repeated',
    reason: `the same figure of the same source reported at the same time (article ${kept.articleId}): counted once`,
  };
};

const outrankedReason = (report: MetricReport, winner: MetricReport): string => {
  if (report.value < winner.value)
    return `${possessive(report)} most recent figure, smaller than ${possessive(winner)} ${figure(winner)}`;
  if (later(winner, report) > 0)
    return `${possessive(report)} most recent figure, equal to ${possessive(winner)} ${figure(winner)}, which is more recent`;
  return `${possessive(report)} most recent figure, equal to ${possessive(winner)} ${figure(winner)} of the same time: sources are taken in name order`;
};

const winnerReason = (winner: MetricReport, others: readonly MetricReport[]): string => {
  const own = `${possessive(winner)} most recent figure, ${figure(winner)}, reported at ${when(winner)}`;
  if (others.length === 0) return `${own}; no other source reported this metric`;
  const rest = others.map((other) => `${sourceName(other)} ${figure(other)}`).join(', ');
  return `${own}, is the largest of the ${others.length + 1} sources’ most recent figures (the others: ${rest})`;
};

/**
 * The headline of one metric with the reason for every report: the same choice as headlineOf (it
 * uses the same ranking), told report by report, for an auditor.
 */
export const judgeReports = <R extends MetricReport>(reports: readonly R[]): HeadlineJudgement<R> => {
  const ranked = rankedSourceFigures(reports);
  const winner = ranked[0] ?? null;
  if (winner === null) return { winner: null, reason: null, candidates: [], setAside: [] };
  const keptBySource = new Map(ranked.map((report) => [report.source, report]));
  const candidates = ranked.map((report): JudgedReport<R> =>
    report === winner
      ? { report, outcome: 'headline', reason: winnerReason(winner, ranked.slice(1)), lostTo: null }
      : { report, outcome: 'outranked', reason: outrankedReason(report, winner), lostTo: winner },
  );
  const setAside = reports
    .filter((report) => keptBySource.get(report.source) !== report)
    .map((report): JudgedReport<R> => {
      const kept = keptBySource.get(report.source) as R;
      return { report, ...setAsideReason(report, kept), lostTo: kept };
    });
  return { winner, reason: candidates[0]?.reason ?? null, candidates, setAside };
};
