/** Lower case, accents and apostrophes dropped, every other non-alphanumeric run made one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Arabic articles transliterated as separate words: "al-Rastan", "ar Rastan" and "Rastan" are one place. */
export const ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'an',
  'ar',
  'as',
  'ad',
  'ash',
  'at',
  'az',
  'ath',
  'adh',
]);

const SCORING_DROPPED = new Set([
  'the',
  'city',
  'town',
  'province',
  'international',
  'al',
  'el',
  'an',
  'ar',
  'as',
  'ad',
]);

/** The place normalisation of the spec's Scoring section. */
export function normalisePlaceName(name: string): string {
  return foldText(name)
    .split(' ')
    .filter((word) => word !== '' && !SCORING_DROPPED.has(word))
    .join(' ');
}

/** 1 − Levenshtein distance / length of the longer string; 1 for two empty strings. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return 1 - (previous[b.length] ?? 0) / longer;
}
