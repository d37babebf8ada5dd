import type { FactGroup, Qualifier } from '@sitrep/events';
import { isAboutOtherWar, isBackgroundAt, isProjectionAt } from './context';
import type { CountedThing } from './counted-noun';
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
    if (thing.bare && kind === undefined) return;
    kind ??= tollAfter(triggers, thing.phraseEnd);
    kind ??= tollBefore(triggers, quantity.start);
    if (kind === undefined && continuing) kind = continuedKind;
    if (kind === undefined) return;
    if (isBackgroundAt(sentence, quantity.start, publishedAt) || isProjectionAt(sentence, quantity.start, quantity.end))
      return;

    const group: FactGroup | 'unknown' = thing.group === 'inherit' ? (previousPeople?.group ?? 'total') : thing.group;
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
  return facts;
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
  }
  return 'exact';
}
