import type { ActorSide } from '@sitrep/extraction';
import { ACTORS } from '@sitrep/extraction';

interface SideMention {
  side: ActorSide;
  start: number;
  end: number;
}

// Words for the two sides that the actor table leaves to context: reports say "rebels" and "troops"
// far more often than they name HTS or the 25th Division.
const GENERIC_SIDES: readonly { side: ActorSide; pattern: RegExp }[] = [
  {
    side: 'insurgents',
    pattern:
      /\b(?:rebels?|jihadists?|insurgents?|militants?|opposition(?: forces| fighters| factions| groups)?|anti-(?:regime|government|Assad) (?:forces|fighters|groups|factions)|armed (?:groups|factions)|(?:rebel|armed|opposition) factions|terrorists?|fighters)\b/gi,
  },
  { side: 'government', pattern: /\b(?:(?:the )?army|troops|soldiers|regime|government)\b/gi },
];

const CAPTURE_VERB =
  /\b(?:captur(?:ed|es|ing)|seiz(?:ed|es|ing)|t(?:ook|aken|akes|aking)(?: over| control)?|retook|recaptur(?:ed|es|ing)|fell|came under|controlled|liberated|secured|restored|declared free|gained control|wrested)\b/i;

const mentionsIn = (sentence: string): SideMention[] => {
  const found: SideMention[] = [];
  const take = (side: ActorSide, start: number, end: number) => {
    if (!found.some((m) => start < m.end && m.start < end)) found.push({ side, start, end });
  };
  for (const actor of ACTORS) {
    for (const match of sentence.matchAll(new RegExp(actor.aliases.source, 'gi')))
      take(actor.side, match.index, match.index + match[0].length);
  }
  for (const { side, pattern } of GENERIC_SIDES) {
    for (const match of sentence.matchAll(pattern)) take(side, match.index, match.index + match[0].length);
  }
  return found.sort((a, b) => a.start - b.start);
};

/**
 * Which side a capture sentence says took the place: the actor after "by" or "to" ("fell to the
 * rebels", "was seized by HTS"), else the last one named before the verb (its subject), else the
 * first one named at all. Null when the sentence names no side.
 */
export const capturingSide = (sentence: string): ActorSide | null => {
  const mentions = mentionsIn(sentence);
  if (mentions.length === 0) return null;
  const verb = CAPTURE_VERB.exec(sentence);
  if (!verb) return mentions[0]?.side ?? null;
  const verbEnd = verb.index + verb[0].length;
  const agent = /\b(?:by|to)\s+(?:the\s+)?$/i;
  const afterAgentWord = mentions.find(
    (m) =>
      m.start >= verbEnd &&
      m.start - verbEnd <= 60 &&
      agent.test(sentence.slice(Math.max(verbEnd, m.start - 30), m.start)),
  );
  if (afterAgentWord) return afterAgentWord.side;
  const before = mentions.filter((m) => m.end <= verb.index);
  return (before.at(-1) ?? mentions[0])?.side ?? null;
};
