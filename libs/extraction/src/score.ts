import type { Fact, FactKind, SourceId } from '@sitrep/events';
import { levenshteinSimilarity, normalisePlaceName } from './place-name';

/** A fact of the gold corpus: no sentence, and every acceptable claimant id (first the claimant). */
export interface GoldFact extends Omit<Fact, 'source' | 'sentence'> {
  source: SourceId | readonly SourceId[] | null;
}

type Scored = Omit<Fact, 'source' | 'sentence'> & { source: Fact['source'] | GoldFact['source'] };

export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusScore {
  overall: KindScore;
  byKind: Partial<Record<FactKind, KindScore>>;
  matched: number;
  qualifierAccuracy: number;
  sourceAccuracy: number;
}

const PLACE_SIMILARITY = 0.75;

/** Scores predicted facts against gold facts per shared/spec/facts.md, Scoring. */
export function scoreCorpus(pairs: readonly { predicted: readonly Fact[]; gold: readonly GoldFact[] }[]): CorpusScore {
  const counts = new Map<FactKind, { tp: number; fp: number; fn: number }>();
  const countOf = (kind: FactKind): { tp: number; fp: number; fn: number } => {
    const existing = counts.get(kind);
    if (existing !== undefined) return existing;
    const created = { tp: 0, fp: 0, fn: 0 };
    counts.set(kind, created);
    return created;
  };
  let matched = 0;
  let qualifiersRight = 0;
  let sourcesRight = 0;

  for (const pair of pairs) {
    const predicted = deduplicated(pair.predicted);
    const gold = deduplicated(pair.gold);
    const matches = matchOneToOne(predicted, gold);
    const predictedMatched = new Set(matches.map(([p]) => p));
    const goldMatched = new Set(matches.map(([, g]) => g));
    for (const [p, g] of matches) {
      countOf(gold[g]!.kind).tp++;
      matched++;
      if (predicted[p]!.qualifier === gold[g]!.qualifier) qualifiersRight++;
      if (sourceAccepted(predicted[p]!.source, gold[g]!.source)) sourcesRight++;
    }
    predicted.forEach((fact, i) => {
      if (!predictedMatched.has(i)) countOf(fact.kind).fp++;
    });
    gold.forEach((fact, i) => {
      if (!goldMatched.has(i)) countOf(fact.kind).fn++;
    });
  }

  const byKind: Partial<Record<FactKind, KindScore>> = {};
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [kind, c] of counts) {
    byKind[kind] = rates(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return {
    overall: rates(total),
    byKind,
    matched,
    qualifierAccuracy: matched === 0 ? 0 : qualifiersRight / matched,
    sourceAccuracy: matched === 0 ? 0 : sourcesRight / matched,
  };
}

function rates({ tp, fp, fn }: { tp: number; fp: number; fn: number }): KindScore {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Same kind, group, value and place count once per article; the first one stands. */
function deduplicated<T extends Scored>(facts: readonly T[]): T[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.kind}|${fact.group}|${fact.value}|${fact.place === null ? '' : normalisePlaceName(fact.place)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Pairs of [predicted index, gold index]: exact places first, then alike places, each fact once. */
function matchOneToOne(predicted: readonly Scored[], gold: readonly Scored[]): [number, number][] {
  const matches: [number, number][] = [];
  const usedPredicted = new Set<number>();
  const usedGold = new Set<number>();
  for (const placesMatch of [placesEqual, placesAlike]) {
    gold.forEach((g, gi) => {
      if (usedGold.has(gi)) return;
      const pi = predicted.findIndex(
        (p, i) =>
          !usedPredicted.has(i) &&
          p.kind === g.kind &&
          p.group === g.group &&
          valuesMatch(p.value, g.value) &&
          placesMatch(p.place, g.place),
      );
      if (pi < 0) return;
      usedPredicted.add(pi);
      usedGold.add(gi);
      matches.push([pi, gi]);
    });
  }
  return matches;
}

function valuesMatch(predicted: number | null, gold: number | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  return Math.abs(predicted - gold) <= Math.max(0.005 * Math.abs(gold), 0.1);
}

function placesEqual(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  return normalisePlaceName(predicted) === normalisePlaceName(gold);
}

function placesAlike(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  return levenshteinSimilarity(normalisePlaceName(predicted), normalisePlaceName(gold)) >= PLACE_SIMILARITY;
}

function sourceAccepted(predicted: SourceId | null, gold: GoldFact['source']): boolean {
  if (gold === null || (Array.isArray(gold) && gold.length === 0)) return predicted === null;
  if (typeof gold === 'string') return predicted === gold;
  return predicted !== null && (gold as readonly SourceId[]).includes(predicted);
}
