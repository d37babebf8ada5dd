import type { FactGroup } from '@sitrep/events';
import type { Quantity } from './numbers';
import type { TollKind } from './triggers';

export type CountedThing =
  | {
      type: 'people';
      group: FactGroup | 'inherit' | 'unknown';
      kind: TollKind | undefined;
      partOfPrevious: boolean;
      /** No noun and no verb after the number ("kills 89"): only a toll word before it can count it. */
      bare: boolean;
      /**
       * How the group was read: `none` when no noun follows ("12 killed", "31 were injured"), `generic`
       * from a noun that names no side ("37 fighters", "80 combatants", "200 people"), else `marked`.
       */
      noun: 'none' | 'generic' | 'marked';
      phraseEnd: number;
    }
  | { type: 'localities'; phraseEnd: number }
  | { type: 'distance'; unit: 'km' | 'mi'; phraseEnd: number }
  | { type: 'area'; unit: 'km2' | 'mi2'; phraseEnd: number }
  | { type: 'other' };

const PERSON_NOUN =
  /^(?:people|persons?|individuals?|civilians?|children|child|kids|minors|babies|infants|women|woman|men|girls|boys|students|residents|soldiers?|troops|servicemen|personnel|officers?|fighters?|combatants?|militants?|rebels?|jihadists?|insurgents?|terrorists?|gunmen|militiamen|members|others|allies|dead|deaths|casualties|fatalities|killed|wounded|injured|injuries|displaced|idps|refugees|bodies|victims|lives|syrians|forces|conscripts|advisers|advisors|generals?|commanders?|workers|journalists|medics|paramedics|doctors|nurses|rescuers|volunteers|teachers|worshippers|elements)$/;
const LOCALITY_NOUN =
  /^(?:villages?|towns?|cities|city|settlements?|localities|locality|positions?|sites?|areas?|hamlets?|neighbou?rhoods?|districts?|hills?|hilltops?|bases?|points?|communities|capitals|strongholds?|outposts?|farms?|suburbs?|quarters?|airports?|airbases?|checkpoints?|regions?)$/;
const KIND_NOUN: Record<string, TollKind> = {
  dead: 'killed',
  deaths: 'killed',
  casualties: 'killed',
  fatalities: 'killed',
  killed: 'killed',
  bodies: 'killed',
  wounded: 'injured',
  injured: 'injured',
  injuries: 'injured',
  displaced: 'displaced',
  idps: 'displaced',
  refugees: 'displaced',
};
// A verb right after the number: "89 were killed", "kills 89," — a toll without a noun.
const VERB_AFTER =
  /^(?:were|was|have|has|had|are|is|died|die|dying|perished|killed|wounded|injured|displaced|fled|more|others)$/;
const STOP_WORD =
  /^(?:in|on|at|since|during|by|with|for|after|before|as|while|when|where|who|which|that|to|into|across|near|and|or|but|according|including|among)$/;

/** What the number counts, read from the words after it. */
export function countedThing(sentence: string, quantity: Quantity): CountedThing {
  // "between 60,000 and 80,000 people": the first number counts what the second does.
  const range =
    /^\s*(?:and|to|or|-|–)\s*(?:\d[\d,.]*(?:\s\d{3})*|[a-z]+(?:-[a-z]+)?)(?:\s+(?:million|thousand|hundred))?(?=\s)/i.exec(
      sentence.slice(quantity.end),
    );
  const rangeEnd =
    range !== null && /\b(?:between|from)\s*$/i.test(sentence.slice(0, quantity.start)) ? range[0].length : 0;
  const tail = sentence.slice(quantity.end + rangeEnd);
  const before = sentence.slice(0, quantity.start);
  if (rangeEnd > 0)
    return countedThing(sentence, { ...quantity, start: quantity.end + rangeEnd, end: quantity.end + rangeEnd });
  if (
    /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}]+['’]s\s+)?$/iu.test(
      before,
    )
  )
    return { type: 'other' };

  let m = /^\s*-?\s*(?:km|kms|kilometers?|kilometres?)\b/i.exec(tail);
  if (m) return { type: 'distance', unit: 'km', phraseEnd: quantity.end + m[0].length };
  m = /^\s*-?\s*(?:miles?|mi)\b/i.exec(tail);
  if (m && !/^\s*-?\s*(?:miles?|mi)\s+(?:long|wide)\b/i.test(tail))
    return { type: 'distance', unit: 'mi', phraseEnd: quantity.end + m[0].length };
  m = /^\s*(?:(?:square|sq\.?)\s*(?:kilometers?|kilometres?|km)|km2|km²|sq\.?\s?km)\b|^\s*(?:km2|km²)/i.exec(tail);
  if (m) return { type: 'area', unit: 'km2', phraseEnd: quantity.end + m[0].length };
  m = /^\s*(?:square|sq\.?)\s*(?:miles?|mi)\b/i.exec(tail);
  if (m) return { type: 'area', unit: 'mi2', phraseEnd: quantity.end + m[0].length };

  const part = /^\s+of\s+(?:them|whom|those|these|the (dead|victims|killed|wounded|injured))\b/i.exec(tail);
  if (part !== null) {
    const partWord = part[1]?.toLowerCase();
    return {
      type: 'people',
      group: predicateGroup(tail.slice(part[0].length), true) ?? 'inherit',
      kind: partWord === undefined ? undefined : KIND_NOUN[partWord],
      partOfPrevious: true,
      bare: false,
      noun: 'marked',
      phraseEnd: quantity.end + part[0].length,
    };
  }
  if (
    /^\s+of\s+(?:the|its|their)\s+(?:\S+\s+){0,2}(?:provincial\s+)?(?:capitals|cities|towns|villages)\b/i.test(tail)
  ) {
    return { type: 'localities', phraseEnd: quantity.end };
  }

  // The noun phrase ends at punctuation or at a following number.
  const phrase = /^[^,;:.()\[\]"“”—–!?]*/.exec(tail)?.[0] ?? '';
  const words = [...phrase.matchAll(/[\p{L}\p{N}'’-]+/gu)];
  const first = words[0]?.[0].toLowerCase();
  if (first === undefined || (first !== undefined && VERB_AFTER.test(first))) {
    if (first === 'killed' || first === 'wounded' || first === 'injured' || first === 'displaced') {
      const end = quantity.end + (words[0]!.index + first.length);
      return {
        type: 'people',
        group: 'total',
        kind: KIND_NOUN[first],
        partOfPrevious: false,
        bare: false,
        noun: 'none',
        phraseEnd: end,
      };
    }
    if (first === 'others') {
      const end = quantity.end + words[0]!.index + first.length;
      return {
        type: 'people',
        group: 'inherit',
        kind: undefined,
        partOfPrevious: false,
        bare: false,
        noun: 'marked',
        phraseEnd: end,
      };
    }
    const bare = first === undefined;
    const predicate = predicateGroup(tail);
    return {
      type: 'people',
      group: predicate ?? 'total',
      kind: undefined,
      partOfPrevious: false,
      bare,
      noun: predicate === undefined ? 'none' : 'marked',
      phraseEnd: quantity.end,
    };
  }
  if (STOP_WORD.test(first)) {
    return {
      type: 'people',
      group: 'total',
      kind: undefined,
      partOfPrevious: false,
      bare: true,
      noun: 'none',
      phraseEnd: quantity.end,
    };
  }
  for (let k = 0; k < Math.min(words.length, 5); k++) {
    const word = words[k]![0].toLowerCase();
    if (/^\d/.test(word) || STOP_WORD.test(word) || (k > 0 && VERB_AFTER.test(word))) break;
    if (LOCALITY_NOUN.test(word))
      return { type: 'localities', phraseEnd: quantity.end + words[k]!.index + word.length };
    if (PERSON_NOUN.test(word)) {
      const end = complementEnd(phrase, words, k);
      // "12 of their fighters": whose fighters the clause before says.
      const owners = /^\s*of\s+(?:their|its|his)\b/i.test(phrase) ? before.slice(-80) + ' ' : '';
      const nounPhrase = owners + phrase.slice(0, end);
      const group = word === 'others' ? 'inherit' : groupOf(nounPhrase, word, before.slice(-100));
      return {
        type: 'people',
        group,
        kind: KIND_NOUN[word],
        partOfPrevious: false,
        bare: false,
        noun: word !== 'others' && !hasSideMarker(nounPhrase) ? 'generic' : 'marked',
        phraseEnd: quantity.end + end,
      };
    }
    // "214 from HTS and allied factions", "30 from the army": a side named after "from".
    const fromEnd = k === 0 && word === 'from' ? complementEnd(phrase, words, 0) : 0;
    if (fromEnd > 0 && hasSideMarker(phrase.slice(0, fromEnd))) {
      const end = fromEnd;
      const group = groupOf(phrase.slice(0, end), word);
      return {
        type: 'people',
        group,
        kind: undefined,
        partOfPrevious: false,
        bare: false,
        noun: 'marked',
        phraseEnd: quantity.end + end,
      };
    }
    if (!/^[a-z'’-]+$/i.test(word) || k >= 3) break;
  }
  return { type: 'other' };
}

// "members of regime forces", "fighters from the HTS and its supporting factions": the complement
// runs on through of/from/and until a verb or a number.
function complementEnd(phrase: string, words: RegExpMatchArray[], head: number): number {
  let end = (words[head]?.index ?? 0) + (words[head]?.[0].length ?? 0);
  for (let k = head + 1; k < words.length; k++) {
    const word = words[k]![0].toLowerCase();
    if (
      /^\d/.test(word) ||
      VERB_AFTER.test(word) ||
      /^(?:in|on|at|since|during|by|with|after|before|as|while|when|where|who|which|that|to|into|near|according|including|among|killed|died|returned|returning|freed|released|captured|detained|arrested|taken|held|rescued|evacuated|surrendered|defected|trapped|abducted|kidnapped|imprisoned|jailed)$/.test(
        word,
      )
    )
      break;
    end = (words[k]?.index ?? 0) + word.length;
  }
  const trimmed = phrase.slice(0, end).replace(/\s+(?:and|or)$/i, '');
  return trimmed.length;
}

const SKIP = /\b(?:SDF|YPG|YPJ|Asayish|Kurdish|Kurds|Syrian Democratic Forces|PKK|Islamic State|ISIS|ISIL|Daesh)\b/i;
const MARKERS: readonly [RegExp, FactGroup][] = [
  [
    /\b(?:civilians?|children|child|kids|minors|babies|infants|women|woman|girls|boys|students|residents|aid workers|famil(?:y|ies)|relatives|medics|paramedics|journalists|doctors|nurses|worshippers|rescuers|volunteers|teachers)\b/gi,
    'civilians',
  ],
  [
    /\bANTIREGIME\b|\b(?:rebels?|militants?|jihadists?|insurgents?|terrorists?|HTS|Hay'?at|Tahrir|Nusra|opposition|SNA|Syrian National Army|(?:Turkish|Turkey|Türkiye|Turkiye)-backed|factions?|allied (?:groups|fighters|factions)|allies|gunmen|armed groups|Islamists?)\b/gi,
    'insurgents',
  ],
  [
    /\bPROREGIME\b|\b(?:regime|government|army|soldiers?|troops|servicemen|military personnel|officers?|militiamen|Iranian|Iran-backed|Russian|Hezbollah|Afghan|Fatemiyoun|Zainabiyoun|NDF|National Defen[cs]e|Republican Guard|security forces|police(?:men)?|conscripts|advisers|advisors|Revolutionary Guards?|IRGC|loyalists?|Assad forces)\b/gi,
    'government',
  ],
];

// "335 were soldiers", "20 of them were children": the group stands after the verb.
function predicateGroup(tail: string, verbOptional = false): FactGroup | 'unknown' | undefined {
  const verb = verbOptional ? '(?:(?:were|are|being)\\s+)?' : '(?:were|are)\\s+';
  const predicate = new RegExp(`^\\s*${verb}((?:[\\p{L}-]+\\s*){1,4})`, 'iu').exec(tail)?.[1];
  if (predicate === undefined) return undefined;
  const head =
    /(?:civilians?|children|women|rebels?|fighters?|soldiers?|troops|militants?|jihadists?|militiamen|members)/i.exec(
      predicate,
    );
  return head === null ? undefined : groupOf(predicate, head[0].toLowerCase());
}

/** Whether the phrase names a side (or a group that is no side, such as the SDF). */
export function hasSideMarker(phrase: string): boolean {
  if (SKIP.test(phrase)) return true;
  const marked = phrase
    .replace(/\banti-(?:regime|government|Assad)\b/gi, 'ANTIREGIME')
    .replace(/\bpro-(?:regime|government|Assad)\b/gi, 'PROREGIME');
  return MARKERS.some(([pattern]) => new RegExp(pattern.source, 'i').test(marked));
}

/** The group of a counted noun phrase: its earliest side marker, else what the head noun implies. */
export function groupOf(phrase: string, head: string, context = ''): FactGroup | 'unknown' {
  if (SKIP.test(phrase)) return 'unknown';
  const marked = phrase
    .replace(/\banti-(?:regime|government|Assad)\b/gi, 'ANTIREGIME')
    .replace(/\bpro-(?:regime|government|Assad)\b/gi, 'PROREGIME');
  let best: { at: number; group: FactGroup } | undefined;
  for (const [pattern, group] of MARKERS) {
    for (const m of marked.matchAll(pattern)) {
      if (best === undefined || m.index < best.at) best = { at: m.index, group };
      break;
    }
  }
  if (best !== undefined) return best.group;
  // Bare "fighters" are the side the sentence is about: "An SDF spokesman said 20 fighters died".
  if (SKIP.test(context)) return 'unknown';
  if (/^(?:fighters?|allies|gunmen|elements)$/.test(head)) return 'insurgents';
  if (/^(?:forces|commanders?|generals?)$/.test(head)) return 'unknown';
  return 'total';
}
