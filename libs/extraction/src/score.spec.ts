import type { Fact } from '@sitrep/events';
import { scoreCorpus, type GoldFact } from './score';

const fact = (overrides: Partial<Fact>): Fact => ({
  kind: 'killed',
  group: 'total',
  value: 100,
  qualifier: 'exact',
  place: null,
  source: 'SOHR',
  sentence: 's',
  ...overrides,
});
const gold = (overrides: Partial<GoldFact>): GoldFact => ({
  kind: 'killed',
  group: 'total',
  value: 100,
  qualifier: 'exact',
  place: null,
  source: ['SOHR'],
  ...overrides,
});

describe('scoreCorpus', () => {
  it('matches equal facts and scores qualifier and source over the matches', () => {
    const score = scoreCorpus([
      {
        predicted: [fact({}), fact({ value: 7, qualifier: 'about', source: null })],
        gold: [gold({}), gold({ value: 7, source: 'AFP' })],
      },
    ]);
    expect(score.overall).toMatchObject({ tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(score.qualifierAccuracy).toBe(0.5);
    expect(score.sourceAccuracy).toBe(0.5);
  });

  it('tolerates 0.5% on large values and 0.1 on small ones', () => {
    const score = scoreCorpus([
      {
        predicted: [
          fact({ value: 14050 }),
          fact({ kind: 'distance_km', group: null, value: 20.9, place: 'Hama' }),
          fact({ value: 103 }),
        ],
        gold: [
          gold({ value: 14000 }),
          gold({ kind: 'distance_km', group: null, value: 21, place: 'Hama' }),
          gold({ value: 101 }),
        ],
      },
    ]);
    expect(score.overall).toMatchObject({ tp: 2, fp: 1, fn: 1 });
  });

  it('counts duplicates once and matches one to one', () => {
    const score = scoreCorpus([
      { predicted: [fact({}), fact({ qualifier: 'about' })], gold: [gold({}), gold({ source: null })] },
    ]);
    expect(score.overall).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it('accepts alike place names and prefers the exact one', () => {
    const place = (name: string): Partial<Fact> => ({ kind: 'captured_place', group: null, value: null, place: name });
    const score = scoreCorpus([
      {
        predicted: [fact(place('Saraqib')), fact(place('Khan Shaykhun')), fact(place('Morek town'))],
        gold: [gold(place('Saraqeb')), gold(place('Khan Sheikhoun')), gold(place('Morek')), gold(place('Hama'))],
      },
    ]);
    expect(score.byKind.captured_place).toMatchObject({ tp: 3, fp: 0, fn: 1 });
  });

  it('keeps kinds and groups apart and sums over articles', () => {
    const score = scoreCorpus([
      { predicted: [fact({ group: 'civilians' })], gold: [gold({})] },
      { predicted: [fact({ kind: 'injured' })], gold: [] },
    ]);
    expect(score.overall).toMatchObject({ tp: 0, fp: 2, fn: 1, f1: 0 });
    expect(score.byKind.injured).toMatchObject({ fp: 1 });
  });

  it('takes a null source as right only against a null gold source', () => {
    const score = scoreCorpus([
      {
        predicted: [fact({ source: null }), fact({ value: 5, source: 'Other' })],
        gold: [gold({ source: null }), gold({ value: 5, source: 'Other' })],
      },
    ]);
    expect(score.sourceAccuracy).toBe(1);
  });
});
