import { capturedPlaces } from './captures';
import { clauseAt, isAboutOtherWar, isBackgroundAt } from './context';
import { placeMentionsIn, type PlaceKind, type PlaceMention } from './gazetteer';
import { sentencesOf } from './sentences';

export type DevelopmentKind =
  | 'offensive_launched'
  | 'place_captured'
  | 'road_cut'
  | 'city_shelled'
  | 'air_strike'
  | 'city_reached'
  | 'city_entered';

/** A development of the offensive that a sentence reports: what happened, where, and the sentence. */
export interface Development {
  kind: DevelopmentKind;
  /** The gazetteer's canonical name; for a road, its name as written ("Damascus-Aleppo highway"); null for a launch. */
  place: string | null;
  sentence: string;
}

const LOCALITY_KINDS: ReadonlySet<PlaceKind> = new Set([
  'city',
  'town',
  'village',
  'neighbourhood',
  'airport',
  'airbase',
  'military_base',
]);

// A verb that is only intended, attempted or denied ("trying to cut", "could reach", "did not enter")
// reports no development; "were able to cut" does.
const NOT_DONE =
  /\b(?:to|could|would|might|may|will|shall|can|cannot|not|n't|never|no longer|aim(?:s|ed|ing)? at|threaten(?:s|ed|ing)? to)\s+(?:\w+ly\s+)?$/i;
const DONE_NONETHELESS = /\b(?:(?:was|were) able|managed|succeeded in|to have)\s+(?:to\s+)?(?:\w+ly\s+)?$/i;

const isDone = (sentence: string, at: number): boolean => {
  const before = sentence.slice(Math.max(0, at - 40), at);
  return !NOT_DONE.test(before) || DONE_NONETHELESS.test(before);
};

const LAUNCH =
  /\b(?:launch(?:ed|es|ing)?|beg(?:an|un)|start(?:ed|ing)?|initiat(?:ed|ing)|kick(?:ed)? off|mount(?:ed|ing)|unleash(?:ed|ing))\b/gi;
const OPERATION = /\b(?:offensive|operation|assault|(?:surprise |major |large-scale |wide-scale |massive )?attack)\b/i;

const ROAD_CUT =
  /\b(?:cut(?:ting)?(?:\s+off)?|sever(?:ed|ing)?|block(?:ed|ing)|clos(?:ed|ing)\s+(?:off\s+)?|(?:took|taken|seized|gained) control (?:of|over))\b/gi;
const ROAD =
  /\b(?:the\s+)?(?:(?:vital|key|main|strategic|major|international)\s+)*((?:[A-Z][\p{L}]+(?:[-–](?:to[-–])?[A-Z][\p{L}]+)+|M\d{1,2}|[A-Z][\p{L}]+)\s+(?:international\s+)?(?:highway|motorway|road)|(?:highway|motorway|road)\s+M\d{1,2}|M\d{1,2}(?:\s+(?:highway|motorway))?|(?:supply\s+)?(?:road|highway|route|line)s?)\b/u;

const SHELLING =
  /\b(?:air\s?strikes?|air\s?raids?|shell(?:ed|ing|s)?|bomb(?:ed|ing|s)?|bombard(?:ed|ing|ment|s)?|pound(?:ed|ing|s)?|rocket(?:ed|s)?|artillery|mortars?|missiles?|struck|strikes?|hit|target(?:ed|ing|s)?|raids?)\b/gi;
const FROM_THE_AIR =
  /\b(?:air\s?strikes?|air\s?raids?|warplanes?|war\s?planes?|aircraft|jets?|aerial|from the air|bombers?|helicopters?|barrel bombs?|drones?|air force|airpower)\b/i;
const FIRE =
  /\b(?:shell(?:ed|ing|s)?|bomb(?:ed|ing|s)?|bombard\w*|pound\w*|rocket\w*|artillery|mortars?|missiles?|air\s?strikes?|air\s?raids?)\b/i;

const ENTERING =
  /\b(?:enter(?:ed|ing|s)?|storm(?:ed|ing|s)?|broke into|break(?:ing)? into|push(?:ed|ing)? into|advanc(?:ed|ing|es?) into|swept into|stream(?:ed|ing) into|mov(?:ed|ing) into)\b/gi;
const REACHING =
  /\b(?:reach(?:ed|ing|es)?|arriv(?:ed|al|ing) (?:at|in)|(?:on|at|to) the (?:outskirts|gates|edges?|doorstep) of|approach(?:ed|ing|es)?|clos(?:ed|ing|e) in on|(?:at|to) the edges? of)\b/gi;

/** The locality named in the clause right after the verb ("shelled Aleppo"), else right before it ("Aleppo was shelled"). */
const localityNear = (
  sentence: string,
  mentions: readonly PlaceMention[],
  verbStart: number,
  verbEnd: number,
): string | null => {
  const clause = clauseAt(sentence, verbStart);
  const inClause = mentions.filter(
    (m) => LOCALITY_KINDS.has(m.place.kind) && m.start >= clause.start && m.end <= clause.end,
  );
  const after = inClause.find((m) => m.start >= verbEnd && m.start - verbEnd <= 80);
  if (after) return after.place.name;
  const before = inClause.filter((m) => m.end <= verbStart && verbStart - m.end <= 50).at(-1);
  return before?.place.name ?? null;
};

/**
 * A road's name as outlets write it, one spelling per road: "Damascus-to-Aleppo highway" and "the
 * highway linking the capital, Damascus, with Aleppo" are both "Damascus-Aleppo highway"; an unnamed
 * one stays "road" or "highway".
 */
const roadName = (raw: string, after: string): string => {
  const name = raw
    .replace(/\s+/g, ' ')
    .replace(/^the /i, '')
    .replace(/\binternational\s+/i, '')
    .replace(/[-–]to[-–]/g, '-');
  const motorway = /^(?:highway |motorway |road )?(M\d{1,2})(?: highway| motorway)?$/i.exec(name);
  if (motorway) return `${motorway[1]?.toUpperCase()} highway`;
  if (/^(?:supply )?(?:road|highway|route|line)s?$/i.test(name)) {
    const ends = /^\s*(?:linking|connecting|between|from)\b(.{0,80})/i.exec(after);
    const places = ends?.[1] ? placeMentionsIn(ends[1]).filter((m) => LOCALITY_KINDS.has(m.place.kind)) : [];
    const [from, to] = places;
    if (from && to && from.place !== to.place)
      return `${from.place.name}-${to.place.name} ${name.replace(/s$/, '').toLowerCase()}`;
  }
  return name;
};

function developmentsIn(sentence: string, publishedAt: string | null): Omit<Development, 'sentence'>[] {
  const found: Omit<Development, 'sentence'>[] = [];
  const add = (kind: DevelopmentKind, place: string | null, at: number): void => {
    if (isBackgroundAt(sentence, at, publishedAt) || !isDone(sentence, at)) return;
    if (!found.some((d) => d.kind === kind && d.place === place)) found.push({ kind, place });
  };
  const mentions = placeMentionsIn(sentence);

  for (const m of sentence.matchAll(LAUNCH)) {
    const clause = clauseAt(sentence, m.index);
    const window = sentence.slice(
      Math.max(clause.start, m.index - 60),
      Math.min(clause.end, m.index + m[0].length + 60),
    );
    if (OPERATION.test(window)) add('offensive_launched', null, m.index);
  }
  for (const c of capturedPlaces(sentence, publishedAt, undefined)) add('place_captured', c.place, c.at);
  for (const m of sentence.matchAll(ROAD_CUT)) {
    const rest = sentence.slice(m.index + m[0].length, m.index + m[0].length + 70);
    const road = ROAD.exec(rest);
    if (road?.[1] && road.index <= 25)
      add(
        'road_cut',
        roadName(road[1], rest.slice(road.index + road[0].length) + sentence.slice(m.index + m[0].length + 70)),
        m.index,
      );
  }
  for (const m of sentence.matchAll(SHELLING)) {
    const clause = sentence.slice(...Object.values(clauseAt(sentence, m.index)));
    if (!FIRE.test(clause) && !FROM_THE_AIR.test(clause)) continue;
    const place = localityNear(sentence, mentions, m.index, m.index + m[0].length);
    if (place !== null) add(FROM_THE_AIR.test(clause) ? 'air_strike' : 'city_shelled', place, m.index);
  }
  for (const m of sentence.matchAll(ENTERING)) {
    const place = localityNear(sentence, mentions, m.index, m.index + m[0].length);
    if (place !== null) add('city_entered', place, m.index);
  }
  for (const m of sentence.matchAll(REACHING)) {
    const place = localityNear(sentence, mentions, m.index, m.index + m[0].length);
    if (place !== null && !found.some((d) => d.kind === 'city_entered' && d.place === place))
      add('city_reached', place, m.index);
  }
  return found;
}

/**
 * The developments an article reports, each once per article (kind and place), with the first
 * sentence that reports it. Background (earlier years, other wars) and what is only attempted or
 * threatened are left out.
 */
export function extractDevelopments(article: {
  title: string;
  text: string;
  publishedAt: string | null;
}): Development[] {
  const developments: Development[] = [];
  for (const { text } of sentencesOf(article.title, article.text)) {
    if (isAboutOtherWar(text)) continue;
    for (const d of developmentsIn(text, article.publishedAt)) {
      if (!developments.some((known) => known.kind === d.kind && known.place === d.place))
        developments.push({ ...d, sentence: text });
    }
  }
  return developments;
}
