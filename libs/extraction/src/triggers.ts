import type { FactKind } from '@sitrep/events';

export type TollKind = Extract<FactKind, 'killed' | 'injured' | 'displaced'>;

// Words that say what happened to people counted nearby. `null` words say something else happened
// to them (captured, freed, returned), which stops the search for a toll word.
const TRIGGERS: readonly [RegExp, TollKind | null][] = [
  [
    /\b(?:killed|killing|kills|kill|died|dying|dead|deaths?|death toll|toll|casualties|fatalities|lost their lives|perished|executed|massacred|slain|slaughtered|eliminated|eliminating|neutrali[sz]ed|neutrali[sz]ing|liquidated)\b/gi,
    'killed',
  ],
  [/\b(?:injured|injuring|injuries|wounded|wounding|hurt|maimed)\b/gi, 'injured'],
  [
    /\b(?:displaced|displacing|displacement|fled|flee|fleeing|uprooted|(?:forced|driven|chased) (?:from|out of) their homes|(?:from|out of|left|leave|leaving|fled|flee|fleeing) their homes|IDPs)\b/gi,
    'displaced',
  ],
  [
    /\b(?:captured|capturing|detained|arrested|freed|released|returned|returning|return|rescued|evacuated|imprisoned|taken prisoner|held|kidnapped|abducted|surrendered|defected|deserted|trapped|deployed|mobilised|mobilized|recruited|sent|joined|stationed)\b/gi,
    null,
  ],
];

export interface TriggerHit {
  kind: TollKind | null;
  start: number;
  end: number;
}

export function triggersIn(sentence: string): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const [pattern, kind] of TRIGGERS) {
    for (const m of sentence.matchAll(pattern)) hits.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start);
}

const QUALIFIER_WORDS =
  '(?:at least|more than|over|about|around|nearly|almost|some|up to|as many as|an estimated|another|a further|an additional|a total of|roughly|approximately|no fewer than|only|just|close to|upwards of|the)';

// A toll word governing the number from the left: "killing 4", "displaced 280,000", "the deaths of
// about 200", "raising the toll to 242".
const GOVERNING: readonly [RegExp, TollKind][] = [
  [
    new RegExp(
      `\\b(?:killing|killed|kills|kill|claimed the lives of|took the lives of|deaths? of|lives of|bodies of|remains of|lost|losing|loses|executed|executing|eliminated|eliminating|neutrali[sz]ed|neutrali[sz]ing|liquidated)\\s+(?:${QUALIFIER_WORDS}\\s+)*$`,
      'i',
    ),
    'killed',
  ],
  [
    new RegExp(
      `\\b(?:death toll|toll|tally|number of (?:dead|deaths|people killed|fatalities))\\b[^.;]{0,40}?\\b(?:to|of|at|reached|reaches|hit|hits|stood at|stands at|rose to|climbed to|is|was|exceeded|exceeds|passed|passes|surpassed|surpasses|topped|tops|crossed|crosses|neared|nears|nearing|approached|approaches|approaching)\\s+(?:${QUALIFIER_WORDS}\\s+)*$`,
      'i',
    ),
    'killed',
  ],
  [
    new RegExp(`\\b(?:injuring|injured|injures|wounding|wounded|wounds)\\s+(?:${QUALIFIER_WORDS}\\s+)*$`, 'i'),
    'injured',
  ],
  [
    new RegExp(
      `\\b(?:displacing|displaced|displaces|displacement of|uprooting|uprooted)\\s+(?:${QUALIFIER_WORDS}\\s+)*$`,
      'i',
    ),
    'displaced',
  ],
];

export function governingToll(textBefore: string): TollKind | undefined {
  const tail = textBefore.slice(-80);
  return GOVERNING.find(([pattern]) => pattern.test(tail))?.[1];
}
