import type { Qualifier } from '@sitrep/events';
import { isBackgroundAt } from './context';
import type { Counted } from './tolls';
import { placeMentionsIn } from './gazetteer';
import { qualifierBefore } from './qualifiers';

export interface MeasureFact {
  kind: 'distance_km' | 'territory_km2' | 'captured_localities' | 'recaptured_localities';
  value: number;
  qualifier: Qualifier;
  place: string | null;
  at: number;
}

const KM_PER_MILE = 1.609344;
const KM2_PER_SQUARE_MILE = 2.589988;
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

const TAKING_NEAR =
  /\b(?:captur\w*|seiz\w*|took|taken|taking|conquer\w*|overr(?:an|un)\w*|liberat\w*|gain\w* control|control(?:s|led|ling)?|lost|los(?:ing|es) control|fell|fallen|came under|takeover|secured)\b/gi;
const RETAKING_NEAR =
  /\b(?:expelled from|ousted from|(?:drove|driven|driving|pushed|pushing|forced|forcing|kicked|expelled|chased)\s+(?:[\w-]+\s+){0,3}?(?:out of|from)|retook|retaken|retaking|recaptur\w*|regain\w*|took back|taken back|taking back|won back|reclaim\w*|recover\w*|restor\w* (?:control|security|stability|order|calm|(?:state |government )?authority))\b/gi;
const NOT_DONE = /\b(?:to|could|would|might|may|will|not|n't|never)\s+(?:\w+ly\s+)?$/i;
// Words that make the sentence about an advance rather than about the distance between two places.
const FIGHTING_WORDS =
  /\b(?:rebels?|fighters?|forces|militants|jihadists|insurgents|troops|opposition|groups|they|we|front(?:line)?s?|fighting|clashes|battles?|advance\w*|offensive|attackers|gunmen|HTS|soldiers|positioned|combat)\b/i;

/** Distances to a place, areas taken, and counts of places taken or retaken in one sentence. */
export function measureFacts(sentence: string, counted: readonly Counted[], publishedAt: string | null): MeasureFact[] {
  const facts: MeasureFact[] = [];
  counted.forEach(({ quantity, thing }, index) => {
    if (thing.type !== 'distance' && thing.type !== 'area' && thing.type !== 'localities') return;
    if (isBackgroundAt(sentence, quantity.start, publishedAt)) return;
    const before = sentence.slice(0, quantity.start);
    // "less than 13 miles (20 km)": the kilometres in brackets carry the qualifier of the miles.
    const bracketed = /\(\s*$/.test(before) ? counted[index - 1] : undefined;
    const qualifier =
      qualifierBefore(before) ??
      (quantity.plus ? 'more_than' : undefined) ??
      (bracketed !== undefined && bracketed.thing.type === thing.type
        ? qualifierBefore(sentence.slice(0, bracketed.quantity.start))
        : undefined) ??
      'exact';
    // "5 kilometers (3 miles)", "13 miles (20 km)": the kilometres count, the conversion does not.
    const previous = counted[index - 1];
    const inParenthesesAfterSameMeasure =
      previous !== undefined &&
      previous.thing.type === thing.type &&
      /^\s*\(\s*(?:about|some|around|roughly|nearly)?\s*$/i.test(
        sentence.slice(
          'phraseEnd' in previous.thing ? previous.thing.phraseEnd : previous.quantity.end,
          quantity.start,
        ),
      );
    if (inParenthesesAfterSameMeasure && thing.type !== 'localities') {
      const previousMetric =
        (previous.thing.type === 'distance' && previous.thing.unit === 'km') ||
        (previous.thing.type === 'area' && previous.thing.unit === 'km2');
      if (previousMetric) return;
    }
    if (thing.type === 'distance') {
      const next = counted[index + 1];
      if (
        thing.unit === 'mi' &&
        next?.thing.type === 'distance' &&
        next.thing.unit === 'km' &&
        /^\s*\(\s*(?:about|some|around|roughly|nearly)?\s*$/i.test(sentence.slice(thing.phraseEnd, next.quantity.start))
      )
        return;
      const place = distanceTarget(sentence, before, thing.phraseEnd);
      if (place === undefined) return;
      const value = thing.unit === 'km' ? quantity.value : oneDecimal(quantity.value * KM_PER_MILE);
      facts.push({ kind: 'distance_km', value, qualifier, place, at: quantity.start });
    } else if (thing.type === 'area') {
      if (thing.unit === 'mi2') {
        const next = counted[index + 1];
        if (
          next?.thing.type === 'area' &&
          next.thing.unit === 'km2' &&
          /^\s*\(\s*(?:about|some|around|roughly|nearly)?\s*$/i.test(
            sentence.slice(thing.phraseEnd, next.quantity.start),
          )
        )
          return;
      }
      if (
        !/\b(?:seiz\w*|captur\w*|control\w*|took|taken|gain\w*|territor\w*|area|advanc\w*|conquer\w*|overr\w*|liberat\w*|regain\w*|retook|recaptur\w*)\b/i.test(
          sentence,
        )
      )
        return;
      const value = thing.unit === 'km2' ? quantity.value : oneDecimal(quantity.value * KM2_PER_SQUARE_MILE);
      facts.push({ kind: 'territory_km2', value, qualifier, place: null, at: quantity.start });
    } else {
      const kind = placeCountKind(sentence, quantity.start, thing.phraseEnd);
      if (kind !== undefined) facts.push({ kind, value: quantity.value, qualifier, place: null, at: quantity.start });
    }
  });
  return facts;
}

/** The place the front or the fighters are said to be close to, or undefined for anything else. */
function distanceTarget(sentence: string, before: string, unitEnd: number): string | undefined {
  const after = sentence.slice(unitEnd, unitEnd + 110);
  const link =
    /^\s*\)?\s*(?:\([^)]*\)\s*)?["“”]?\s*(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?(?:of|from|away from|outside(?: of)?|short of|off|before|shy of)\b/i.exec(
      after,
    );
  if (link === null) return undefined;
  const directional = /^\s*\)?\s*(?:\([^)]*\)\s*)?["“”]?\s*(?:north|south|east|west)/i.test(after);
  const clauseBefore = before.slice(before.lastIndexOf(';') + 1);
  // "Rebels seized Jisr al-Shughur, about 45 km from Latakia": the distance of the place named.
  if (
    /\p{Lu}[\p{L}'’-]*\s*,\s*(?:(?:about|some|around|roughly|nearly|almost|just|only|less than|more than|over|under|barely)\s+)?$/u.test(
      clauseBefore,
    )
  )
    return undefined;
  if (!FIGHTING_WORDS.test(clauseBefore)) {
    const placeAsSubject =
      /\b(?:is|are|was|lies|lie|located|sits|situated|lying)\s+(?:\w+\s+){0,2}$/i.test(clauseBefore) ||
      /\p{Lu}[\p{L}'’-]*\s*,\s*(?:\w+\s+)?$/u.test(clauseBefore);
    if (directional || placeAsSubject) return undefined;
  }
  const target = after.slice(link[0].length);
  const mention = placeMentionsIn(target).find((m) => m.place.kind !== 'governorate');
  if (mention !== undefined && mention.start <= 60) return mention.place.name;
  const named =
    /^\s*(?:the\s+)?(?:(?:outskirts|edges?|centre|center|gates|heart|suburbs)\s+of\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:(?:city|town|village)\s+of\s+)?((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:al-)?\p{Lu}[\p{L}'’-]*)*)/u.exec(
      target,
    );
  return named?.[1];
}

function placeCountKind(sentence: string, start: number, nounEnd: number): MeasureFact['kind'] | undefined {
  const nearest = (pattern: RegExp): number | undefined => {
    let best: number | undefined;
    for (const m of sentence.matchAll(pattern)) {
      const beforeWord = sentence.slice(0, m.index);
      if (NOT_DONE.test(beforeWord.slice(-30)) && !/\b(?:to have|able to|managed to)\s+$/i.test(beforeWord.slice(-30)))
        continue;
      const distance =
        m.index < start ? start - (m.index + m[0].length) : m.index >= nounEnd ? m.index - nounEnd : Infinity;
      const limit = m.index < start ? 130 : 70;
      if (distance <= limit && (best === undefined || distance < best)) best = distance;
    }
    return best;
  };
  const taking = nearest(TAKING_NEAR);
  const retaking = nearest(RETAKING_NEAR);
  if (retaking !== undefined && (taking === undefined || retaking <= taking)) return 'recaptured_localities';
  if (taking !== undefined) return 'captured_localities';
  return undefined;
}
