import { ARTICLES, foldText } from './place-name';
import { GAZETTEER, type Place } from './gazetteer.data';

export type { Place, PlaceKind } from './gazetteer.data';
export { GAZETTEER } from './gazetteer.data';

export interface PlaceMention {
  place: Place;
  start: number;
  end: number;
}

interface Word {
  folded: string;
  start: number;
  end: number;
  capitalised: boolean;
  joinedToPrevious: boolean;
  possessive: boolean;
}

interface AliasEntry {
  tokens: readonly string[];
  place: Place;
}

const contentTokens = (name: string): string[] =>
  foldText(name.replace(/['’]s\b/g, ''))
    .split(' ')
    .filter((token) => token !== '' && !ARTICLES.has(token));

// Aliases indexed by their first content word, longest first, so "Aleppo International Airport"
// wins over "Aleppo" and "Idlib province" over "Idlib".
const ALIASES_BY_FIRST_WORD: ReadonlyMap<string, readonly AliasEntry[]> = (() => {
  const index = new Map<string, AliasEntry[]>();
  for (const place of GAZETTEER) {
    for (const name of [place.name, ...place.aliases]) {
      const tokens = contentTokens(name);
      const first = tokens[0];
      if (first === undefined) continue;
      const entries = index.get(first) ?? [];
      entries.push({ tokens, place });
      index.set(first, entries);
    }
  }
  for (const entries of index.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
})();

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}'’ʼ]+/gu)) {
    const folded = foldText(match[0].replace(/['’]s$/, ''));
    if (folded === '') continue;
    const previousEnd = words[words.length - 1]?.end;
    words.push({
      folded,
      start: match.index,
      end: match.index + match[0].length,
      capitalised: /^[\p{Lu}\p{N}]/u.test(match[0]),
      possessive: /['’]s$/.test(match[0]),
      joinedToPrevious: previousEnd !== undefined && /^[ \t\-‐–]{1,2}$/.test(text.slice(previousEnd, match.index)),
    });
  }
  return words;
}

/**
 * Every gazetteer place named in the text, longest alias first, left to right, without overlaps.
 * A name must be capitalised in the text ("Bala" the village, not "bala"), articles may be written
 * or left out.
 */
export function placeMentionsIn(text: string): PlaceMention[] {
  const words = wordsOf(text);
  const mentions: PlaceMention[] = [];
  let i = 0;
  while (i < words.length) {
    let first = i;
    while (first < words.length && ARTICLES.has(words[first]?.folded ?? '')) first++;
    const head = words[first];
    const match = head?.capitalised ? matchAt(words, first) : undefined;
    if (head !== undefined && match !== undefined) {
      const startWord = words[i];
      const endWord = words[match.lastWord];
      // "Aleppo's airport": the mention ends before the possessive.
      const end = (endWord?.end ?? head.end) - (endWord?.possessive ? 2 : 0);
      mentions.push({ place: match.place, start: startWord?.start ?? head.start, end });
      i = match.lastWord + 1;
    } else {
      i++;
    }
  }
  return mentions;
}

function matchAt(words: readonly Word[], first: number): { place: Place; lastWord: number } | undefined {
  const candidates = ALIASES_BY_FIRST_WORD.get(words[first]?.folded ?? '') ?? [];
  for (const candidate of candidates) {
    let w = first;
    let matched = true;
    for (let t = 0; t < candidate.tokens.length; t++) {
      if (t > 0) {
        w++;
        while (w < words.length && ARTICLES.has(words[w]?.folded ?? '') && candidate.tokens[t] !== words[w]?.folded)
          w++;
      }
      const word = words[w];
      // Words of one name sit next to each other: a comma or a full stop ends the name.
      if (word === undefined || word.folded !== candidate.tokens[t] || (t > 0 && !word.joinedToPrevious)) {
        matched = false;
        break;
      }
    }
    if (matched) return { place: candidate.place, lastWord: w };
  }
  return undefined;
}

/** The gazetteer place a whole name stands for, if any ("Saraqib" → Saraqeb). */
export function resolvePlace(name: string): Place | undefined {
  const tokens = contentTokens(name);
  const candidates = ALIASES_BY_FIRST_WORD.get(tokens[0] ?? '') ?? [];
  return candidates.find(
    (candidate) => candidate.tokens.length === tokens.length && candidate.tokens.every((t, k) => t === tokens[k]),
  )?.place;
}
