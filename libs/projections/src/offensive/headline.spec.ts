import type { SourceId } from '@sitrep/events';
import type { MetricReport } from './headline';
import { headlineOf } from './headline';

let article = 0;
const reported = (
  source: SourceId | null,
  value: number,
  day: string,
  qualifier: MetricReport['qualifier'] = 'exact',
): MetricReport[] => {
  article += 1;
  return [
    {
      value,
      qualifier,
      source,
      reportedAt: `${day}T00:00:00.000Z`,
      knownAt: `${day}T06:00:00.000Z`,
      articleId: `a${article}`,
      sentence: `${value}`,
    },
  ];
};
/** One article giving several figures of one metric. */
const reportedTogether = (source: SourceId | null, values: number[], day: string): MetricReport[] => {
  article += 1;
  return values.map((value) => ({
    value,
    qualifier: 'exact' as const,
    source,
    reportedAt: `${day}T00:00:00.000Z`,
    knownAt: `${day}T06:00:00.000Z`,
    articleId: `a${article}`,
    sentence: `${value}`,
  }));
};

const given = (...history: MetricReport[][]) => ({
  when: (...latest: MetricReport[][]) => ({
    then: (
      expected: { value: number; source: SourceId | null; bySource: Partial<Record<SourceId | 'null', number>> } | null,
    ) => {
      const headline = headlineOf([...history, ...latest].flat());
      if (expected === null) return expect(headline).toBeNull();
      expect({ value: headline?.value, source: headline?.source }).toEqual({
        value: expected.value,
        source: expected.source,
      });
      expect(Object.fromEntries((headline?.bySource ?? []).map((f) => [f.source ?? 'null', f.value]))).toEqual(
        expected.bySource,
      );
    },
  }),
});

describe('headlineOf', () => {
  it("keeps each source's latest figure", () =>
    given(reported('SOHR', 132, '2024-11-28'))
      .when(reported('SOHR', 242, '2024-11-29'))
      .then({ value: 242, source: 'SOHR', bySource: { SOHR: 242 } }));

  it("keeps a source's latest figure even when it is smaller than an earlier one", () =>
    given(reported('SANA', 80, '2024-11-28'))
      .when(reported('SANA', 60, '2024-11-30'))
      .then({ value: 60, source: 'SANA', bySource: { SANA: 60 } }));

  it('takes the largest figure when one article gives several', () =>
    given()
      .when(reportedTogether('SOHR', [130, 132], '2024-11-28'))
      .then({ value: 132, source: 'SOHR', bySource: { SOHR: 132 } }));

  it('headlines the largest of the sources and shows every source', () =>
    given(reported('SOHR', 50, '2024-11-29', 'about'))
      .when(reported('HTS', 56, '2024-11-29'))
      .then({ value: 56, source: 'HTS', bySource: { HTS: 56, SOHR: 50 } }));

  it('counts reports naming nobody as a source of their own', () =>
    given(reported(null, 200, '2024-11-28', 'about'))
      .when(reported('SOHR', 132, '2024-11-28'))
      .then({ value: 200, source: null, bySource: { null: 200, SOHR: 132 } }));

  it('is null for a metric never reported', () => given().when().then(null));
});
