import { isBackgroundAt } from './context';
import { placeMentionsIn, resolvePlace, type Place } from './gazetteer';
import { claimantsNamedIn } from './sources';

export interface CapturedPlace {
  place: string;
  at: number;
}

// Words that say a place was taken, by either side.
const TAKING =
  /\b(?:captur(?:ed|ing|es?)|seiz(?:ed|ing|es?)|seizure of|took|taken|taking|takes?|conquer(?:ed|ing|s)?|overr(?:an|un|unning|uns)|liberat(?:ed|ing|es?)|liberation of|secur(?:ed|ing)|retook|retak(?:en|ing|es?)|recaptur(?:ed|ing|es?)|regain(?:ed|ing|s)?|(?:gain(?:ed|ing|s)?|establish(?:ed|ing)|assum(?:ed|ing)|wrest(?:ed|ing)|restor(?:ed|ing)|extend(?:ed|ing)|impos(?:ed|ing)) (?:full |complete |total |effective )?control|controlled|(?<=\b(?:now|currently|already|fully|effectively|firmly)\s+)controls?|(?:(?:are|is|were|was|now)\s+)(?:(?:\w+ly|now)\s+){0,2}in (?:full |complete |total |effective )?control of|takeover of|fall of|declar(?:ed|ing|es?))\b(?!\s+(?:prisoner|captive|hostage)s?\b)/gi;
// Words after which the place is the subject: "Hama fell", "Rastan was captured", "came under control".
const PASSIVE_TAKING =
  /\b(?:(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?(?:captured|seized|taken|liberated|overrun|conquered|retaken|recaptured|secured|controlled|declared free)(?!\s+(?:prisoner|captive|hostage)s?\b)|fell|fallen|falls|(?:came|come|comes|coming|fell|brought|placed)\s+under\s+(?:\w+\s+){0,3}control|(?:is|are|was|were|now)\s+(?:now\s+|fully\s+|entirely\s+|completely\s+)?under\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?(?:[\w-]+\s+){0,2}control)\b/gi;
const NOT_DONE = /\b(?:to|could|would|might|may|will|shall|can|cannot|not|n't|never|no longer)\s+(?:\w+ly\s+)?$/i;
const DONE_NONETHELESS = /\b(?:(?:was|were) able|managed|succeeded in|to have)\s+(?:to\s+)?(?:\w+ly\s+)?$/i;

// The object of a taking word runs to the end of its clause: another verb of war, a conjunction or
// an attribution ends it, but commas do not, so lists of villages stay whole.
const OBJECT_END =
  /[;:]|["”](?=\s)|\b(?:while|but|after|before|since|(?<!known |well )as(?! well)|when|where|which|who|that|because|despite|during|amid|following|according|said|says|told|reported|adding|added|noted|stated|claimed|announced|confirmed|reaching|entering|entered|enter|advanc\w*|reach\w*|attack\w*|shell\w*|bomb\w*|besieg\w*|encircl\w*|surround\w*|storm\w*|push\w*|moved|moving|approach\w*|continu\w*|target\w*|struck|hit|clash\w*|battl\w*|cut|cutting|kill\w*|threaten\w*|prepar\w*|head\w*|march\w*|launch\w*|driving|drove|forcing|sending|bringing|putting|leaving|making|giving|using|for|with|into|toward|towards|to)\b/i;

const NAME_TOKEN = "(?:[A-Z][\\p{L}'’]*(?:-[\\p{L}'’]+)*|(?:al|el|ad|ar|as|ash|at|az|an)-[\\p{L}'’]+(?:-[\\p{L}'’]+)*)";
const FACILITY =
  '(?:\\s+(?:military\\s+)?(?:camp|airport|air base|airbase|base|prison|citadel|dam|crossing|border crossing|hill|mountain|square))?';
const NAME = new RegExp(`${NAME_TOKEN}(?:\\s+(?:(?:al|el|bin|ibn)\\s+)?${NAME_TOKEN})*(?:\\s+\\d+)?${FACILITY}`, 'gu');

// Capitalised words that name no place: countries, sides, outlets, days and months.
const NOT_A_PLACE =
  /^(?:The|A|An|On|In|At|By|It|Its|This|That|These|Those|He|She|They|We|But|And|Syria|Syrian|Syrians|Syria's|Russia|Russian|Russians|Iran|Iranian|Turkey|Turkish|Türkiye|Turkiye|Iraq|Iraqi|Lebanon|Lebanese|Jordan|Jordanian|Druze|Egyptian|Saudi|Qatari|Emirati|European|Gulf|Israel|Israeli|US|U\.S|United|America|American|Kurdish|Kurds|HTS|Hayat|Hay'?[ae]t|Tahrir|Nusra|Jabhat|Assad|Assad's|Bashar|President|Army|Observatory|SOHR|OSDH|SANA|UN|OCHA|SDF|YPG|SNA|National|Free|Islamic|Islamist|Hezbollah|IRGC|Revolutionary|Ministry|Defen[cs]e|Government|Regime|Deterrence|Operation|Operations|Command|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Reuters|AFP|AP|Xinhua|Anadolu|Al Jazeera|Al-Mayadeen|Alawite|Sunni|Shia|Shiite|Christian|Druze|Arab|Arabic|Western|Eastern|Northern|Southern|Central|Middle|Mediterranean|Euphrates|Orontes|Ghab|Additionally|Meanwhile|However|Earlier|Later|Also|Moreover|Furthermore|According|Separately|Elsewhere|Overnight|Yesterday|Today|Tonight|Then|Now|Since|After|Before|While|When|Where|Both|Some|Many|Several|Other|Others|Between|Nearly|Around|About|Almost|Roughly|Approximately|More|Over|Up|Dozens|Hundreds|Thousands|Scores|Tens|Fighters|Rebels|Insurgents|Militants|Troops|Soldiers|Forces|Quote|Source|Details|Updated|Read|Video|Photo|Watch|Follow|M\d|[A-Z])\b/u;

const ALLOWED_OF =
  /\b(?:much|most|large parts|large swathes|swathes|vast parts|big parts|large sections|significant parts|most parts|majority|bulk|rest|remainder|entirety|whole|half|\d+\s?%|\d+ percent|control|capture|seizure|fall|takeover|liberation)\s+(?:over\s+)?of\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}(?:(?:city|town|village|capital)\s+of\s+)?$/iu;
const LOCATOR =
  /(?:\b(?:in|near|outside|around|towards?|to|from|into|between|across|via|through|along|at|by|for|on|off|beyond|against|inside|within|onto|linking|connecting|links?|over all|all)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}(?:(?:city|town|village|province|governorate|capital|countryside|outskirts|suburbs|area|areas|region|direction|gates|edge|edges|heart|centre|center|part|parts)\s+of\s+(?:the\s+)?(?:[\p{L}'’-]+\s+)?)?|\b(?:outskirts|countryside|province|provinces|governorate|governorates|region|regions|suburbs|edges?|gates|parts|sections|areas|neighbou?rhoods|districts|direction|environs|vicinity|north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|road|roads|highway|way|route|border|borders|frontlines?|front lines?|heart|centre|center|sector)\s+of\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}(?:(?:city|town|village)\s+of\s+)?)$/iu;
const REGION_AFTER =
  /^(?:\s*['’]s\s+(?:countryside|province|outskirts|suburbs|surroundings)|\s*-\s*\p{Lu}|\s+(?:province|provinces|governorate|governorates|countryside|region|regions|plain|plains|highway|road|front|frontline|border|de-escalation|residents|offensive|operations?|forces|fighters|University|suburbs|outskirts|environs|direction|axis|city limits|countryside)\b)/iu;
const COORDINATED =
  /^\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)(?:the\s+)?(?:(?:[\p{L}-]+\s+){0,2}(?:city|town|village|capital)\s+of\s+)?$/iu;

const NAME_ENDS =
  /^(?:\s*$|\s*[,.;:)\]"”’–—-]|\s+(?:and|or|in|on|at|near|from|after|before|as|by|to|with|which|while|during|north|south|east|west|northeast|northwest|southeast|southwest|early|late|last|this|yesterday|today|overnight|amid|following|since|when|under|along|were|was|have|has|had|fell|are|is)\b)/i;

const PROVINCE_CAPITALS = new Set([
  'Aleppo',
  'Idlib',
  'Hama',
  'Homs',
  'Daraa',
  'Suwayda',
  'Quneitra',
  'Latakia',
  'Raqqa',
  'Deir ez-Zor',
  'Damascus',
  'Tartus',
  'Hasakah',
]);

interface Candidate {
  name: string;
  place: Place | undefined;
  start: number;
  end: number;
}

/**
 * Places said to be taken in the sentence. `lastPlace` is the latest city named before it, for a
 * facility named only by reference ("its airport").
 */
export function capturedPlaces(
  sentence: string,
  publishedAt: string | null,
  lastPlace: string | undefined,
): CapturedPlace[] {
  const found: CapturedPlace[] = [];
  const add = (candidates: readonly Candidate[]): void => {
    for (const c of candidates) if (!found.some((f) => f.place === c.name)) found.push({ place: c.name, at: c.start });
  };
  const takings = [...sentence.matchAll(TAKING)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0].toLowerCase(),
  }));

  takings.forEach((taking, k) => {
    const before = sentence.slice(0, taking.start);
    if (NOT_DONE.test(before.slice(-40)) && !DONE_NONETHELESS.test(before.slice(-40))) return;
    if (/\b(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?$/i.test(before)) return;
    if (isBackgroundAt(sentence, taking.start, publishedAt)) return;
    const nextTaking = takings[k + 1]?.start ?? sentence.length;
    const rest = sentence.slice(taking.end, nextTaking);
    const stop = Math.min(
      OBJECT_END.exec(rest)?.index ?? rest.length,
      /\s[–—-]\s(?=\p{Ll})/u.exec(rest)?.index ?? rest.length,
    );
    const objectEnd = taking.end + stop;
    const object = sentence.slice(taking.end, objectEnd);
    if (
      taking.word.startsWith('declar') &&
      !/\b(?:free|liberated)\b/i.test(sentence.slice(taking.end, taking.end + 80))
    )
      return;
    if (taking.word === 'controlled' && /^\s+by\b/i.test(object)) return;
    const objects = keptCandidates(sentence, candidatesIn(sentence, taking.end, objectEnd, lastPlace), taking.end);
    // "... entered Daraa and took control of the city": the city is the last one named.
    if (
      /^\s*(?:over\s+|(?:full\s+|complete\s+)?control\s+(?:of|over)\s+)?(?:all\s+of\s+|most\s+of\s+|much\s+of\s+)?the\s+(?:city|town)\b(?!\s+of)(?!['’]s)/i.test(
        object,
      )
    ) {
      const named = placeMentionsIn(before).filter((m) => m.place.kind === 'city' || m.place.kind === 'town');
      const city = named[named.length - 1]?.place.name ?? lastPlace;
      if (city !== undefined) add([{ name: city, place: undefined, start: taking.end, end: objectEnd }]);
    }
    if (objects.length > 0) return add(objects);
    // "Hama, which the rebels captured on Thursday": the place stands before the relative clause.
    const relative = /(,\s*which)\s+[^,;.]{0,80}$/.exec(before);
    if (relative !== null && !/^\s*(?:the|a|an|its|\p{Lu})/u.test(object)) {
      const antecedent = candidatesIn(sentence, Math.max(0, relative.index - 80), relative.index, lastPlace).pop();
      if (antecedent !== undefined && antecedent.end >= relative.index - 2) add([antecedent]);
    }
  });

  for (const m of sentence.matchAll(PASSIVE_TAKING)) {
    const before = sentence.slice(0, m.index);
    if (NOT_DONE.test(before.slice(-30)) || isBackgroundAt(sentence, m.index, publishedAt)) continue;
    const boundary = Math.max(
      ...[...before.matchAll(/[;:]|\b(?:that|after|as|while|when|but|said|reported|says|announced|claimed)\b/gi)].map(
        (b) => b.index + b[0].length,
      ),
      0,
    );
    add(keptCandidates(sentence, candidatesIn(sentence, boundary, m.index, lastPlace), boundary));
  }
  return found;
}

function candidatesIn(sentence: string, start: number, end: number, lastPlace: string | undefined): Candidate[] {
  const span = sentence.slice(start, end);
  const candidates: Candidate[] = [];
  for (const mention of placeMentionsIn(span)) {
    // "Aleppo's airport" is the airport.
    const owned =
      /^['’]s\s+((?:international\s+|military\s+|main\s+)?(?:airport|air base|airbase|citadel|central prison|prison|military academy))\b/i.exec(
        span.slice(mention.end),
      );
    if (owned !== null) {
      const facility = resolvePlace(`${mention.place.name} ${owned[1] ?? ''}`);
      const name = facility?.name ?? `${mention.place.name} ${(owned[1] ?? '').toLowerCase()}`;
      candidates.push({
        name,
        place: facility,
        start: start + mention.start,
        end: start + mention.end + owned[0].length,
      });
      continue;
    }
    const facility = facilityOf(sentence.slice(0, start + mention.start), mention.place.name);
    candidates.push({
      name: (facility ?? mention.place).name,
      place: facility ?? mention.place,
      start: start + mention.start,
      end: start + mention.end,
    });
  }
  // "the central prison in Hama" is Hama's prison, not Hama.
  for (const m of span.matchAll(
    /\bthe\s+((?:central\s+|military\s+|international\s+)?(?:prison|airport|air base|airbase|citadel|military academy))\s+(?:in|of|near)\s+/gi,
  )) {
    const city = placeMentionsIn(span.slice(m.index + m[0].length)).find((p) => p.start === 0);
    if (city === undefined) continue;
    const place = resolvePlace(`${city.place.name} ${m[1] ?? ''}`);
    const name = place?.name ?? `${city.place.name} ${(m[1] ?? '').toLowerCase()}`;
    candidates.push({ name, place, start: start + m.index, end: start + m.index + m[0].length + city.end });
  }
  for (const m of span.matchAll(NAME)) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (candidates.some((c) => s < c.end && c.start < e)) continue;
    const name = m[0].replace(/^(?:The|A|An)\s+/, '');
    if (NOT_A_PLACE.test(name) || name.length < 3) continue;
    const place = resolvePlace(name);
    if (place === undefined && claimantsNamedIn(name).length > 0) continue;
    // An unknown name stands alone as a place does; "Grad rocket launchers" runs on into a noun.
    if (place === undefined && !NAME_ENDS.test(sentence.slice(e))) continue;
    candidates.push({ name: place?.name ?? name, place, start: s + (m[0].length - name.length), end: e });
  }
  for (const m of span.matchAll(
    /\b(?:its|the city['’]s|the town['’]s)\s+((?:international\s+|military\s+)?(?:airport|air base|airbase|citadel|prison|central prison|military academy))\b/gi,
  )) {
    const earlier = placeMentionsIn(sentence.slice(0, start + m.index)).filter(
      (p) => p.place.kind === 'city' || p.place.kind === 'town',
    );
    const referent = earlier[earlier.length - 1]?.place.name ?? lastPlace;
    if (referent !== undefined) {
      const place =
        resolvePlace(`${referent} ${m[1] ?? ''}`) ??
        (/air/i.test(m[1] ?? '') ? resolvePlace(`${referent} airport`) : undefined);
      const name = place?.name ?? `${referent} ${(m[1] ?? '').toLowerCase()}`;
      candidates.push({ name, place, start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

// "the air base of Abu al-Duhur" is the air base, not the town.
function facilityOf(before: string, name: string): Place | undefined {
  const m = /\b((?:military\s+)?(?:air\s?base|airport|airfield|prison))\s+of\s+$/i.exec(before);
  if (m === null) return undefined;
  return resolvePlace(`${name} ${m[1] ?? ''}`) ?? resolvePlace(`${name} airbase`) ?? resolvePlace(`${name} airport`);
}

function keptCandidates(sentence: string, candidates: readonly Candidate[], spanStart: number): Candidate[] {
  const kept: Candidate[] = [];
  let previous: { candidate: Candidate; excluded: boolean } | undefined;
  const groups: { candidate: Candidate; excluded: boolean }[][] = [];
  for (const candidate of candidates) {
    const before = sentence.slice(Math.max(spanStart, candidate.start - 70), candidate.start);
    const after = sentence.slice(candidate.end, candidate.end + 40);
    const coordinated =
      previous !== undefined && COORDINATED.test(sentence.slice(previous.candidate.end, candidate.start));
    let excluded =
      candidate.place?.kind === 'governorate' ||
      /^['’]s\s+(?:[\p{L}-]+\s+){0,2}(?:airport|air base|airbase|prison|citadel|academy|countryside|outskirts|suburbs)|^['’]s\s+\p{Lu}/u.test(
        after,
      ) ||
      /^['’]s\s+(?:[\p{L}-]+\s+){0,2}(?:airport|air base|airbase|prison|citadel|academy|countryside|outskirts|suburbs|\p{Lu})/u.test(
        after,
      ) ||
      REGION_AFTER.test(after) ||
      /-\s*$/.test(sentence.slice(candidate.start - 1, candidate.start)) ||
      (!ALLOWED_OF.test(before) && LOCATOR.test(before)) ||
      (/\ball\s+of\s+(?:the\s+)?$/i.test(before) && PROVINCE_CAPITALS.has(candidate.name));
    // "east of Aleppo and the town of Safira": a place named anew is not in the locator's phrase.
    const namedAnew =
      previous !== undefined &&
      /\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?$/i.test(
        sentence.slice(Math.max(0, previous.candidate.start - 30), previous.candidate.start),
      ) &&
      /\b(?:city|town|village)\s+of\s+$/i.test(sentence.slice(previous.candidate.end, candidate.start));
    if (coordinated && previous?.excluded && !namedAnew) excluded = true;
    const entry = { candidate, excluded };
    if (coordinated) groups[groups.length - 1]?.push(entry);
    else groups.push([entry]);
    previous = entry;
  }
  for (const group of groups) {
    const last = group[group.length - 1];
    const pluralRegion =
      last !== undefined && /^\s+(?:provinces|governorates|regions)\b/i.test(sentence.slice(last.candidate.end));
    for (const entry of group) if (!entry.excluded && !pluralRegion) kept.push(entry.candidate);
  }
  return kept;
}
