import type { SourceId } from '@sitrep/events';
import { judgeReports } from './explain';
import type { MetricReport } from './headline';
import { headlineOf } from './headline';

const report = (
  articleId: string,
  source: SourceId | null,
  value: number,
  day: string,
  qualifier: MetricReport['qualifier'] = 'exact',
): MetricReport => ({
  value,
  qualifier,
  source,
  reportedAt: `${day}T00:00:00.000Z`,
  knownAt: `${day}T06:00:00.000Z`,
  articleId,
  sentence: `${source ?? 'someone'} said ${value}`,
});

const outcomes = (reports: MetricReport[]) => {
  const judged = judgeReports(reports);
  const named = (r: MetricReport) => `${r.articleId}:${r.value}`;
  return {
    winner: judged.winner && named(judged.winner),
    candidates: judged.candidates.map((c) => [named(c.report), c.outcome]),
    setAside: judged.setAside.map((c) => [named(c.report), c.outcome, c.lostTo && named(c.lostTo)]),
  };
};

describe('judgeReports', () => {
  it('tells why each report won or lost, and agrees with the headline', () => {
    const reports = [
      report('a1', null, 200, '2024-11-28', 'more_than'),
      report('a2', 'SOHR', 130, '2024-11-28'),
      report('a2', 'SOHR', 132, '2024-11-28'),
      report('a3', 'SOHR', 242, '2024-11-29', 'at_least'),
      report('a4', 'SANA', 242, '2024-11-28'),
    ];
    expect(outcomes(reports)).toEqual({
      winner: 'a3:242',
      candidates: [
        ['a3:242', 'headline'],
        ['a4:242', 'outranked'],
        ['a1:200', 'outranked'],
      ],
      setAside: [
        ['a2:130', 'older_report', 'a3:242'],
        ['a2:132', 'older_report', 'a3:242'],
      ],
    });
    const judged = judgeReports(reports);
    expect(judged.winner).toEqual(expect.objectContaining({ value: headlineOf(reports)?.value, articleId: 'a3' }));
    expect(judged.reason).toBe(
      'SOHR’s most recent figure, at least 242, reported at 2024-11-29T00:00:00.000Z, is the largest of the 3 sources’ most recent figures (the others: SANA 242, an unattributed report more than 200)',
    );
    expect(judged.candidates[1]?.reason).toContain('equal to SOHR’s at least 242, which is more recent');
    expect(judged.candidates[2]?.reason).toContain('smaller than SOHR’s at least 242');
    expect(judged.setAside[0]?.reason).toContain('an older report of the same source');
  });

  it('keeps the largest of the figures one article gives, and counts a repeated figure once', () => {
    const reports = [
      report('a1', 'SOHR', 130, '2024-11-28'),
      report('a1', 'SOHR', 132, '2024-11-28'),
      report('a2', 'SOHR', 120, '2024-11-28'),
      { ...report('a3', 'SOHR', 132, '2024-11-28'), knownAt: '2024-11-28T01:00:00.000Z' },
    ];
    expect(outcomes(reports)).toEqual({
      winner: 'a1:132',
      candidates: [['a1:132', 'headline']],
      setAside: [
        ['a1:130', 'smaller_in_same_article', 'a1:132'],
        ['a2:120', 'smaller_at_same_time', 'a1:132'],
        ['a3:132', 'repeated', 'a1:132'],
      ],
    });
    expect(judgeReports(reports).reason).toContain('no other source reported this metric');
  });

  it('has no winner for a metric never reported', () =>
    expect(judgeReports([])).toEqual({ winner: null, reason: null, candidates: [], setAside: [] }));
});
