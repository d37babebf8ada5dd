import type { SourceId } from '@sitrep/events';

/**
 * Who is named in a phrase: a source id; `Other` for a named claimant outside the table; `unnamed`
 * for reports and media nobody names; `previous` for a back-reference ("it", "the NGO", "the same
 * source") to the claimant of the sentence before.
 */
export type ClaimantRef = SourceId | 'unnamed' | 'previous';

interface Alias {
  ref: ClaimantRef;
  pattern: RegExp;
}

// Order matters only between overlapping names: the longest match wins, then the earlier entry.
const ALIASES: readonly Alias[] = [
  {
    ref: 'OCHA',
    pattern:
      /\b(?:OCHA|Office for the Coordination of Humanitarian Affairs|(?:UN|U\.N\.|United Nations) (?:Office (?:of|for) )?Humanitarian (?:Affairs )?(?:Office|Affairs)|(?:UN|U\.N\.|United Nations) humanitarian (?:office|agency|affairs office)|humanitarian affairs office)\b/gi,
  },
  {
    ref: 'UN',
    pattern:
      /\b(?:United Nations(?: (?:agency|agencies|office|officials?|[A-Z][\w'’]*(?: (?:for )?[A-Z][\w'’]*)*))?|UN(?= )|U\.N\.|UNHCR|UNICEF|WHO(?= )|World Health Organi[sz]ation|WFP|World Food Programm?e|UN refugee agency|IOM|International Organi[sz]ation for Migration|Geir Pedersen|UN envoy)/g,
  },
  {
    ref: 'SOHR',
    pattern:
      /\b(?:Syrian Observatory(?: for Human Rights)?|the Observatory|Observatory|OSDH|SOHR|(?:a |the |an opposition )?war[- ]monitor(?:ing group)?|a monitor|(?:Britain|UK|U\.K\.|London|British|United Kingdom)-based (?:war )?monitor(?:ing group| group)?|monitoring group|the monitor|Rami Abdel?[- ]?Rahmane?|Rami Abdulrahman|Abdel Rahmane?|Abdulrahman)\b/gi,
  },
  {
    ref: 'SANA',
    pattern:
      /\b(?:SANA|Sana agency|Syrian Arab News Agency|(?:Syrian )?state news agency|(?:Syrian )?state (?:media|television|TV|broadcaster)|government media|official media|official news agency|Syrian TV|Syrian television)\b/gi,
  },
  {
    ref: 'Other',
    pattern:
      /\b(?:Iranian|Russian|Turkish|Israeli|Lebanese) state (?:media|television|TV|news agency)|(?:pro-(?:regime|government|Assad)) (?:media|outlets?|media outlets)\b/gi,
  },
  {
    ref: 'SyrianArmy',
    pattern:
      /\b(?:Syrian (?:army|military|armed forces|Arab Army|Defen[cs]e Ministry|Ministry of Defen[cs]e)|(?:the )?(?:army|military) (?:command|statement|source|sources|spokesman)|General Command|Ministry of Defen[cs]e|Defen[cs]e Ministry|the army)\b/gi,
  },
  {
    ref: 'RussianMoD',
    pattern:
      /\b(?:Russian (?:Ministry of Defen[cs]e|Defen[cs]e Ministry|military|army|Reconciliation Cent(?:re|er))|Russia['’]s (?:Defen[cs]e Ministr(?:y|ery)|military)|Reconciliation Cent(?:re|er)|Moscow's defen[cs]e ministry)\b/gi,
  },
  {
    ref: 'HTS',
    pattern:
      /\b(?:HTS|Hay'?[ae]t Tahrir al-Sham|Hayat Tahrir al-Sham|Tahrir al-Sham|Nusra(?: Front)?|jihadist groups?|the jihadists|jihadists|rebels?(?: (?:sources?|commanders?|groups?|officials?|spokesm[ae]n|fighters|factions|coalition|forces))?|(?:local |armed |insurgent |southern )?fighters|(?:the )?opposition(?: (?:fighters|forces|factions|groups|commanders|sources|spokesm[ae]n))?|(?:military )?operations? (?:room|command|administration|department)|Military Operations Command|Deterr(?:ence of|ing) Aggression|(?:the )?insurgents|militants|anti-(?:regime|government|Assad) (?:groups|fighters|forces)|armed groups|(?:the )?groups'|Syrian National Army|SNA|Turkish-backed (?:factions|groups|fighters)|(?:Abu Mohammed |Ahmed )?al-(?:Jolani|Julani|Jawlani|Sharaa)|the (?:terrorist|jihadist) group)\b/gi,
  },
  { ref: 'Anadolu', pattern: /\b(?:Anadolu(?: Agency)?|Anadolu news agency)\b/g },
  { ref: 'AlMayadeen', pattern: /\bAl[- ]Mayadeen\b/gi },
  { ref: 'RIA', pattern: /\bRIA(?: Novosti)?\b/g },
  { ref: 'Tasnim', pattern: /\bTasnim\b/g },
  { ref: 'Reuters', pattern: /\bReuters\b/g },
  { ref: 'AFP', pattern: /\b(?:AFP|Agence France-Presse|Agence France Presse)\b/g },
  { ref: 'AP', pattern: /\b(?:AP|Associated Press)\b/g },
  { ref: 'Xinhua', pattern: /\bXinhua\b/g },
  { ref: 'AlJazeera', pattern: /\bAl[- ]Jazeera\b/gi },
  { ref: 'WhiteHelmets', pattern: /\b(?:White Helmets|Syria(?:n)? Civil Defen[cs]e|civil defen[cs]e)\b/gi },
  {
    ref: 'Other',
    pattern:
      /\b(?:(?:opposition |local |anti-government |Syrian |rights )?activists?|analysts?|health (?:authorities|officials|ministry|directorate)|doctors|medics|rescuers|rescue workers|first responders|residents|witnesses|officials?|(?:a )?spokesm[ae]n|(?:a )?spokeswoman|(?:a )?spokesperson|(?:a )?correspondent|CNN|BBC|Press TV|TASS|Sputnik|Interfax|IRNA|Fars(?: news agency)?|Al Arabiya|Al-Arabiya|Asharq Al-Awsat|Syria TV|Enab Baladi|Sham FM|Hawar news agency|ANHA|North Press|Kurdistan ?24|Rudaw|Shaam Network|Step News|Dama Post|Al-Araby Al-Jadeed|The New Arab|Al-Watan|Al Watan|Amnesty(?: International)?|Human Rights Watch|MSF|Doctors Without Borders|Red Crescent|Red Cross|ICRC|YPG|SDF|Syrian Democratic Forces|Kurdish-led|Kurdish forces|local council|Turkish (?:security )?sources|Turkish officials|(?:the )?IDP Task Force|Syrian Network for Human Rights|SNHR|Kremlin|Pentagon|State Department)\b/gi,
  },
  {
    ref: 'Other',
    pattern:
      /\b(?!(?:The|A|An) )(?:[A-Z][\w'’-]+ ){1,4}(?:Association|Network|Union|Council|Committee|Coalition|Foundation|Institute|Centre|Center|Syndicate|Federation|League)\b/g,
  },
  {
    ref: 'unnamed',
    pattern:
      /\b(?:reports?|reportedly|media(?: outlets| reports| sources)?|outlets|sources|(?:a|an) (?:non-governmental organi[sz]ation|NGO)|social media|observers|local media|Syrian media|Hebrew media)\b/gi,
  },
  {
    ref: 'previous',
    pattern:
      /\b(?:it|he|she|they|(?:the|these|those) (?:same )?sources|(?:the|this|that|same) (?:NGO|organi[sz]ation|outlet|agency|source|group|report|statement|ministry|body|channel|network|broadcaster|office))\b/gi,
  },
];

export interface NamedClaimant {
  ref: ClaimantRef;
  start: number;
  end: number;
}

/** Every claimant named in the sentence; where names overlap, the longest. */
export function claimantsNamedIn(sentence: string): NamedClaimant[] {
  const hits: NamedClaimant[] = [];
  for (const alias of ALIASES) {
    for (const match of sentence.matchAll(alias.pattern)) {
      hits.push({ ref: alias.ref, start: match.index, end: match.index + match[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NamedClaimant[] = [];
  for (const hit of hits) {
    const overlapping = kept.find((k) => hit.start < k.end && k.start < hit.end);
    if (overlapping === undefined) kept.push(hit);
    else if (hit.end - hit.start > overlapping.end - overlapping.start) kept.splice(kept.indexOf(overlapping), 1, hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// Attribution: the claimant stands after "according to", "citing", "as reported by" and before the
// other verbs ("the Observatory said"), or right after them in an inverted quote (", said Rami ...").
const CLAIMANT_AFTER =
  /\b(?:according to|citing|as per|quoting|(?:as )?reported by|quoted by|cited by|in a statement by|statement (?:from|by)|data (?:from|by)|toll (?:released|published|issued) (?:\w+ ){0,2}by)\b/gi;
const CLAIMANT_BEFORE =
  /\b(?:said|says|say|saying|told|tells|reported|reports|report|reporting|added|adds|adding|noted|notes|noting|stated|states|claimed|claims|claim|claiming|announced|announces|announce|announcing|confirmed|confirms|confirm|estimated|estimates|estimate|indicated|indicates|documented|recorded|declared|declares|alleged|alleges|allege|assured|counted|warned|explained|wrote|posted|published|spoke of|admitted|admits|acknowledged|acknowledges|conceded|concedes|insisted|boasted|revealed|disclosed|asserted|saw|witnessed|put the (?:\w+ )?(?:death )?toll|(?:in|issued) a statement)\b/gi;

/**
 * The claimant of a sentence, as a source id or null. `previous` is the claimant of the sentence
 * before, used for back-references ("it added", "the NGO said") and continuations ("Among them ...").
 */
export function claimantOf(sentence: string, previous: SourceId | null): SourceId | null {
  const named = claimantsNamedIn(sentence);
  const anchors: { at: number; end: number; after: boolean; verb: string }[] = [];
  for (const m of sentence.matchAll(CLAIMANT_AFTER))
    anchors.push({ at: m.index, end: m.index + m[0].length, after: true, verb: m[0].toLowerCase() });
  for (const m of sentence.matchAll(CLAIMANT_BEFORE)) {
    if (anchors.some((a) => m.index >= a.at && m.index < a.end)) continue;
    anchors.push({ at: m.index, end: m.index + m[0].length, after: false, verb: m[0].toLowerCase() });
  }
  anchors.sort((a, b) => a.at - b.at);

  const resolve = (ref: ClaimantRef): SourceId | null =>
    ref === 'previous' ? previous : ref === 'unnamed' ? null : ref;

  for (const anchor of anchors) {
    let hit: NamedClaimant | undefined;
    const before = sentence.slice(0, anchor.at);
    if (!anchor.after && /\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$/i.test(before)) {
      // "Clashes have been reported": a passive names its claimant only after "by".
      const by = /^\s+by\b/i.exec(sentence.slice(anchor.end));
      if (by === null) continue;
      hit = firstAfter(named, anchor.end + by[0].length, 60);
    } else if (anchor.after) {
      hit = firstAfter(named, anchor.end, 90);
    } else {
      const inverted =
        /[,"”’]\s*$/.test(before) &&
        /^(?:said|says|added|adds|noted|reported|stated|wrote|claimed|announced)$/.test(anchor.verb);
      const following = inverted ? firstAfter(named, anchor.end, 4) : undefined;
      // ", said the Observatory." but not ", said fighters were 5km away".
      if (
        following !== undefined &&
        /^\s*(?:[,.;:]|$|(?:on|in|at|late|early|told|to)\b)/.test(sentence.slice(following.end))
      )
        hit = following;
      hit ??= subjectBefore(named, anchor.at);
      if (hit === undefined && namedPersonBefore(sentence.slice(Math.max(0, anchor.at - 80), anchor.at)))
        return 'Other';
    }
    if (hit !== undefined) return resolve(citedBy(sentence, named, hit, anchor.end) ?? hit.ref);
  }
  // "Syrian Observatory: rebels take Hama": a headline's claimant before a colon.
  const lead = named[0];
  if (lead !== undefined && lead.ref !== 'unnamed' && /^\s*(?:the\s+)?$/i.test(sentence.slice(0, lead.start))) {
    if (/^\s*:/.test(sentence.slice(lead.end))) return resolve(lead.ref);
  }
  if (
    /^(?:among (?:them|those|the (?:dead|victims|killed))|of (?:them|those|these|whom|the (?:dead|total))|these (?:are|were|include|included)|they (?:include|included)|this (?:includes|included)|the (?:dead|victims|casualties|toll|fatalities|wounded) (?:include|included|includes)|including)\b/i.test(
      sentence.trim(),
    )
  ) {
    return previous;
  }
  return null;
}

/**
 * The claimant of the part of the sentence holding position `at`: "The Kremlin said ..., while the
 * Russian Defence Ministry said its jets had killed 300" gives the second claim to the ministry.
 */
export function claimantAt(sentence: string, at: number, previous: SourceId | null): SourceId | null {
  const whole = claimantOf(sentence, previous);
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(/;|,\s*(?:while|whereas|but|and)\s/g)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  if (start === 0 && end === sentence.length) return whole;
  return claimantOf(sentence.slice(start, end), previous) ?? whole;
}

// "TASS reported, citing the Russian Defence Ministry", "according to Anadolu, quoting the SNA": the
// outlet passes on the claim of the one it cites, when that one is named.
function citedBy(
  sentence: string,
  named: readonly NamedClaimant[],
  hit: NamedClaimant,
  anchorEnd: number,
): ClaimantRef | undefined {
  const from = Math.max(hit.end, anchorEnd);
  const citing = /^\s*,?\s*(?:citing|quoting|relaying)\s+/i.exec(sentence.slice(from));
  if (citing === null) return undefined;
  const cited = firstAfter(named, from + citing[0].length, 40);
  return cited === undefined || cited.ref === 'unnamed' || cited.ref === 'previous' ? undefined : cited.ref;
}

// After "according to": the first name, or a more specific one in the same phrase ("sources from
// the outlet", "the official Sana agency").
function firstAfter(named: readonly NamedClaimant[], from: number, within: number): NamedClaimant | undefined {
  const first = named.find((n) => n.start >= from && n.start - from <= within);
  if (first === undefined || !isGeneric(first.ref)) return first;
  return named.find((n) => n.start >= first.end && n.start - first.end <= 30 && n.ref !== 'unnamed') ?? first;
}

// Before a verb: the name right before it is its subject ("activists said", "it added"), widened to a
// specific name just before a generic one ("a senior U.N. official said"); further away, past an
// apposition ("The OSDH, an NGO ... with sources in Syria, reported"), a specific name wins.
function subjectBefore(named: readonly NamedClaimant[], at: number): NamedClaimant | undefined {
  const window = named.filter((n) => n.end <= at && at - n.end <= 140);
  const nearest = window[window.length - 1];
  if (nearest === undefined || !isGeneric(nearest.ref)) return nearest;
  const specific = [...window].reverse().find((n) => !isGeneric(n.ref));
  if (at - nearest.end <= 3) {
    return specific !== undefined && nearest.start - specific.end <= 12 ? specific : nearest;
  }
  return specific ?? nearest;
}

const isGeneric = (ref: ClaimantRef): boolean => ref === 'Other' || ref === 'unnamed' || ref === 'previous';

// "Mohammed Karkas, reporting for ...", "said Nick Heras": two capitalised words, not a sentence start.
function namedPersonBefore(window: string): boolean {
  const m = /([A-Z][a-z]+ (?:(?:al-|Abdel|Abu |bin )?[A-Z][\w'-]+))[^.;]{0,60}$/.exec(window);
  if (m === null) return false;
  return !/^(?:The|A|An|In|On|At|From|Syrian|Russian|Turkish|Iranian|Bashar|President)\b/.test(m[1] ?? '');
}
