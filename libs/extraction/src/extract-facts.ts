import type { Fact, SourceId } from '@sitrep/events';
import { capturedPlaces } from './captures';
import { countedThing } from './counted-noun';
import { placeMentionsIn } from './gazetteer';
import { measureFacts } from './measures';
import { quantitiesIn } from './numbers';
import { sentencesOf } from './sentences';
import { claimantAt, claimantOf } from './sources';
import { tollFacts, type Counted } from './tolls';
import type { TollKind } from './triggers';

export interface ArticleText {
  title: string;
  text: string;
  publishedAt: string | null;
}

interface Found {
  fact: Fact;
  headline: boolean;
  order: number;
}

/** The facts of an article, per shared/spec/facts.md, in the order the article states them. */
export function extractFacts(article: ArticleText): Fact[] {
  const found: Found[] = [];
  let previousClaimant: SourceId | null = null;
  let previousToll: TollKind | undefined;
  let lastPlace: string | undefined;

  for (const { text, headline } of sentencesOf(article.title, article.text)) {
    const source = claimantOf(text, headline ? null : previousClaimant);
    const counted: Counted[] = quantitiesIn(text).map((quantity) => ({
      quantity,
      thing: countedThing(text, quantity),
    }));
    const located: { at: number; fact: Omit<Fact, 'source' | 'sentence'> }[] = [];

    const tolls = tollFacts(text, counted, article.publishedAt, headline ? undefined : previousToll);
    for (const t of tolls)
      located.push({
        at: t.at,
        fact: { kind: t.kind, group: t.group, value: t.value, qualifier: t.qualifier, place: null },
      });
    for (const m of measureFacts(text, counted, article.publishedAt)) {
      located.push({
        at: m.at,
        fact: { kind: m.kind, group: null, value: m.value, qualifier: m.qualifier, place: m.place },
      });
    }
    for (const c of capturedPlaces(text, article.publishedAt, lastPlace)) {
      located.push({
        at: c.at,
        fact: { kind: 'captured_place', group: null, value: null, qualifier: 'exact', place: c.place },
      });
    }
    located.sort((a, b) => a.at - b.at);
    for (const { at, fact } of located) {
      const claimant = claimantAt(text, at, headline ? null : previousClaimant);
      found.push({ fact: { ...fact, source: claimant, sentence: text }, headline, order: found.length });
    }

    if (!headline) {
      previousClaimant = source ?? previousClaimant;
      previousToll = tolls[tolls.length - 1]?.kind ?? (counted.length > 0 ? undefined : previousToll);
    }
    const cities = placeMentionsIn(text).filter((m) => m.place.kind === 'city' || m.place.kind === 'town');
    lastPlace = cities[cities.length - 1]?.place.name ?? lastPlace;
  }
  return mergedDuplicates(found);
}

const factKey = (fact: Fact): string => `${fact.kind}|${fact.group}|${fact.value}|${fact.place}`;

/**
 * One fact per kind, group, value and place, as the spec counts them: a body sentence wins over a
 * headline (which rounds and drops qualifiers), then a sentence that names its claimant over one
 * that does not.
 */
function mergedDuplicates(found: readonly Found[]): Fact[] {
  const best = new Map<string, Found>();
  const rank = (f: Found): number => (f.headline ? 0 : 2) + (f.fact.source !== null ? 1 : 0);
  for (const f of found) {
    const key = factKey(f.fact);
    const current = best.get(key);
    if (current === undefined || rank(f) > rank(current)) best.set(key, f);
  }
  const body = [...best.values()].filter((f) => !f.headline);
  return [...best.values()]
    .filter((f) => !f.headline || !body.some((b) => roundedBy(f.fact, b.fact)))
    .sort((a, b) => a.order - b.order)
    .map((f) => f.fact);
}

/**
 * Whether a headline figure is the body's figure rounded ("kills over 200" above "242 people"): same
 * kind, group and place, and a value the body's agrees with.
 */
function roundedBy(headline: Fact, body: Fact): boolean {
  if (headline.kind !== body.kind || headline.group !== body.group || headline.place !== body.place) return false;
  if (headline.value === null || body.value === null) return false;
  const h = headline.value;
  const v = body.value;
  if (Math.abs(h - v) > 0.3 * Math.max(h, v)) return false;
  switch (headline.qualifier) {
    case 'more_than':
      return v > h;
    case 'at_least':
      return v >= h;
    case 'up_to':
      return v <= h;
    default:
      return true;
  }
}
