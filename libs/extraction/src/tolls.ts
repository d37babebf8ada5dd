import type { FactGroup, Qualifier } from '@sitrep/events';
import { isAboutOtherWar, isBackgroundAt, isProjectionAt } from './context';
import { groupOf, hasSideMarker, type CountedThing } from './counted-noun';
import type { Quantity } from './numbers';
import { qualifierBefore } from './qualifiers';
import { governingToll, triggersIn, type TollKind } from './triggers';

export interface Counted {
  quantity: Quantity;
  thing: CountedThing;
}

export interface TollFact {
  kind: TollKind;
  group: FactGroup | null;
  value: number;
  qualifier: Qualifier;
  at: number;
}

/**
 * Killed, injured and displaced figures of one sentence. `continuedKind` is the toll kind of the
 * sentence before, for a breakdown that continues it ("These are 182 fighters, ...").
 */
export function tollFacts(
  sentence: string,
  counted: readonly Counted[],
  publishedAt: string | null,
  continuedKind: TollKind | undefined,
): TollFact[] {
  if (isAboutOtherWar(sentence)) return [];
  const triggers = triggersIn(sentence);
  const facts: TollFact[] = [];
  const resolved: { index: number; kind: TollKind; group: FactGroup | 'unknown'; qualifier: Qualifier }[] = [];
  const continuing =
    /^(?:among (?:them|those|the)|of (?:them|those|these|whom|the)|these (?:are|were|include|included)|they (?:include|included)|this (?:includes|included)|the (?:dead|victims|casualties|toll|fatalities|wounded) (?:include|included|includes)|including)\b/i.test(
      sentence.trim(),
    );

  counted.forEach(({ quantity, thing }, index) => {
    if (thing.type !== 'people') return;
    const previousPeople = [...resolved].reverse()[0];
    let kind = thing.kind ?? (thing.partOfPrevious ? previousPeople?.kind : undefined);
    kind ??= governingToll(sentence.slice(0, quantity.start));
    // "killed seven people, including five children, and wounded 12": a part of the toll before, or
    // the next item of its list, is counted the same way.
    const sincePrevious =
      previousPeople !== undefined
        ? sentence.slice(phraseEndOf(counted[previousPeople.index]!.thing), quantity.start)
        : undefined;
    if (sincePrevious !== undefined && (PART_OF.test(sincePrevious) || /^\s*(?:,\s*)?(?:and\s+)?$/.test(sincePrevious)))
      kind ??= previousPeople?.kind;
    // "..., up from 115,000 on Sunday": an earlier figure of the same toll.
    let earlierFigure = false;
    if (kind === undefined && previousPeople !== undefined && UP_FROM.test(sentence.slice(0, quantity.start))) {
      kind = previousPeople.kind;
      earlierFigure = true;
    }
    if (thing.bare && kind === undefined) return;
    kind ??= tollAfter(triggers, thing.phraseEnd);
    // "forced about 280,000 people from their homes": the toll words close the noun phrase.
    kind ??= triggers.find((t) => t.start >= quantity.end && t.end <= thing.phraseEnd)?.kind ?? undefined;
    kind ??= tollBefore(triggers, quantity.start);
    if (kind === undefined && continuing) kind = continuedKind;
    if (kind === undefined) return;
    if (NOT_A_TOLL_AFTER.test(sentence.slice(thing.phraseEnd, thing.phraseEnd + 60))) return;
    if (isBackgroundAt(sentence, quantity.start, publishedAt) || isProjectionAt(sentence, quantity.start, quantity.end))
      return;

    let group: FactGroup | 'unknown' = thing.group === 'inherit' ? (previousPeople?.group ?? 'total') : thing.group;
    // "40 soldiers were wounded and a further 12 killed": a count without a noun, joined to the one
    // before, counts the same people.
    if (earlierFigure && previousPeople !== undefined) group = previousPeople.group;
    // "Government troops lost 61 men": the men of the side that lost them.
    if (thing.noun === 'generic') {
      const loss = LOST.exec(sentence.slice(0, quantity.start));
      const subject =
        loss !== null
          ? sentence
              .slice(0, loss.index)
              .split(/[;:]|,\s/)
              .pop()
          : undefined;
      if (subject !== undefined && hasSideMarker(subject)) group = groupOf(subject, '');
    }
    if (kind === 'displaced' && (group === 'government' || group === 'insurgents')) return;
    if (thing.noun === 'none' && previousPeople !== undefined && previousPeople.group !== 'unknown') {
      const previousEnd = phraseEndOf(counted[previousPeople.index]!.thing);
      const between = sentence.slice(previousEnd, quantity.start);
      if (FOLLOW_ON.test(between) && !hasSideMarker(between)) group = previousPeople.group;
    }
    if (group === 'unknown') return;
    const qualifier = qualifierOf(sentence, counted, index, resolved);
    resolved.push({ index, kind, group, qualifier });
    facts.push({
      kind,
      group: kind === 'displaced' ? null : group,
      value: quantity.value,
      qualifier,
      at: quantity.start,
    });
  });
  totalsOfMixedBreakdowns(sentence, counted, resolved, facts);
  return facts;
}

// What happened to the people counted was something else: "1,200 refugees returned", "400 soldiers
// were taken prisoner".
const NOT_A_TOLL_AFTER =
  /^\s*(?:(?:have|has|had)\s+)?(?:(?:been|were|was|are|is|being)\s+)?(?:\w+ly\s+)?(?:returned|returning|return|freed|released|captured|detained|arrested|taken (?:prisoner|captive|hostage)|held|rescued|evacuated|surrendered|defected|deserted|trapped|abducted|kidnapped|imprisoned|jailed|went home|gone home|came home|come home)\b/i;

// Between a count and a bare count that continues it: "were wounded and a further", "died and".
const FOLLOW_ON =
  /^[^.;:()\d]{0,50}?(?:\band|\bwhile|\bwith|,)\s+(?:(?:a further|another|an additional|at least|more than|some|about|nearly|around|over|up to|as many as)\s+)?(?:[a-z]+ing\s+)?$/i;

const LOST =
  /\b(?:lost|losing|loses|lose)\s+(?:(?:at least|more than|over|about|around|some|nearly|up to|as many as)\s+)?$/i;
const PART_OF = /(?:\bincluding|\bamong (?:them|whom|those)|\bof (?:them|whom))\s*$/i;
const UP_FROM =
  /\b(?:up|down|rising|risen|increased?|jump(?:ed|ing)?|climb(?:ed|ing)?)\s+from\s+(?:(?:about|around|some|nearly|roughly|more than|over|at least)\s+)?$/i;

const BREAKDOWN =
  /^[^;]{0,90}?(?:\bincluding|\bamong (?:them|whom|those|the dead)|\bof (?:them|whom)|:|\s[—–]\s|\bcomprising|\bconsisting of|\bnamely)\s*/i;

const phraseEndOf = (thing: CountedThing): number => ('phraseEnd' in thing ? thing.phraseEnd : 0);

/**
 * "37 fighters were killed, among them 25 HTS fighters and 12 soldiers": a noun that names no side,
 * broken down into both sides, is the toll of everyone.
 */
function totalsOfMixedBreakdowns(
  sentence: string,
  counted: readonly Counted[],
  resolved: readonly { index: number; kind: TollKind; group: FactGroup | 'unknown' }[],
  facts: TollFact[],
): void {
  resolved.forEach((whole, k) => {
    const thing = counted[whole.index]!.thing;
    if (thing.type !== 'people' || thing.noun !== 'generic' || whole.group !== 'insurgents') return;
    const parts = resolved.slice(k + 1).filter((r) => r.kind === whole.kind);
    const first = parts[0];
    if (first === undefined) return;
    const between = sentence.slice(thing.phraseEnd, counted[first.index]!.quantity.start);
    if (!BREAKDOWN.test(between)) return;
    const groups = new Set(parts.map((p) => p.group));
    if (groups.has('insurgents') && groups.has('government')) facts[k]!.group = 'total';
  });
}

function tollAfter(triggers: ReturnType<typeof triggersIn>, from: number): TollKind | undefined {
  const next = triggers.find((t) => t.start >= from && t.start - from <= 120);
  return next?.kind ?? undefined;
}

function tollBefore(triggers: ReturnType<typeof triggersIn>, before: number): TollKind | undefined {
  const previous = [...triggers].reverse().find((t) => t.end <= before && before - t.end <= 150);
  return previous?.kind ?? undefined;
}

/**
 * The number's own qualifier; else, for "between A and B", at_least and up_to; else the qualifier of
 * the list item before it ("at least 65 HTS fighters, 18 allies and 49 soldiers"); else exact.
 */
function qualifierOf(
  sentence: string,
  counted: readonly Counted[],
  index: number,
  resolved: readonly { index: number; qualifier: Qualifier }[],
): Qualifier {
  const { quantity } = counted[index]!;
  const before = sentence.slice(0, quantity.start);
  const own = qualifierBefore(before);
  if (own !== undefined) return own;
  if (quantity.plus) return 'more_than';
  if (/\bbetween\s*$/i.test(before)) return 'at_least';
  if (/\bbetween\s+[\d,.\s]+(?:\w+\s+)?(?:and|to)\s*$/i.test(before)) return 'up_to';
  const previous = counted[index - 1];
  const previousResolved = resolved.find((r) => r.index === index - 1);
  if (previous !== undefined && previousResolved !== undefined && previous.thing.type === 'people') {
    const between = sentence.slice(previous.thing.phraseEnd, quantity.start);
    if (/^\s*(?:,\s*(?:and\s+)?|and\s+)["“]?$/.test(between)) return previousResolved.qualifier;
    // "at least 37 fighters ..., among them 25 HTS fighters and 12 soldiers": all at least.
    if (/^[^;]{0,90}?,\s*among (?:them|whom|those)\s*$/i.test(between)) return previousResolved.qualifier;
  }
  return 'exact';
}
