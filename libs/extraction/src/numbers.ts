/** A count written in a sentence: "14,000", "14 000", "fifty", "a dozen", "1.5 million", "200+". */
export interface Quantity {
  value: number;
  start: number;
  end: number;
  /** A trailing "+" ("200+"), which reads as "more than". */
  plus: boolean;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DAY_RANGE = `${DAY}(?:\\s*(?:-|–|to|and)\\s*${DAY})?`;

export const DAY_MONTH = new RegExp(`\\b(${DAY_RANGE})\\s+(?:of\\s+)?(${MONTH})\\.?(?:,?\\s+(\\d{4}))?\\b`, 'g');
export const MONTH_DAY = new RegExp(`\\b(${MONTH})\\.?\\s+(${DAY_RANGE})\\b(?:,?\\s+(\\d{4}))?`, 'g');

// Numbers that count nothing the spec wants: dates, years, ages, times, money, percentages,
// ordinals and names with a number in them ("Base 46", "M5", "No. 1").
const NOT_COUNTS: readonly RegExp[] = [
  DAY_MONTH,
  MONTH_DAY,
  /\b(?:1[89]|20)\d{2}s?\b/g,
  /\b\d+(?:[-\s]+(?:and[-\s]+)?a[-\s]half)?[-\s](?:years?|months?|weeks?|days?|hours?)[-\s]old\b/gi,
  /\b\d+-(?:year|month|week|day|hour|minute|km|kilometre|kilometer|mile|storey|story|member|point)s?\b/gi,
  /\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|GMT|GMT\+\d)?/gi,
  /\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)/gi,
  /(?:[$€£]|\bUS\$|\bUSD\s?)\s?\d[\d,.]*(?:\s*(?:million|billion|bn|m|k)\b)?/gi,
  /\b\d[\d,.]*\s*(?:million|billion)?\s*(?:dollars|euros|pounds|lira|liras)\b/gi,
  /\b\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)/gi,
  /\b\d+(?:st|nd|rd|th)\b/gi,
  /\b(?:M|N|Base|Brigade|Division|Regiment|Resolution|Route|Highway|Article|Sector|Zone|Phase)\s?\d+\b/g,
  /\b(?:No\.|Number|number|No)\s?\d+\b/g,
  /\b\d+(?:\.\d+)?\s*(?:magnitude|-magnitude)\b/gi,
];

/** The text with every non-count number span blanked out, offsets kept. */
export function maskNonCounts(text: string): string {
  let masked = text;
  for (const pattern of NOT_COUNTS) {
    masked = masked.replace(pattern, (match) => match.replace(/[^\s]/g, '_'));
  }
  return masked;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const NUMBER_WORD = `(?:${Object.keys(UNITS).join('|')}|hundred|thousand|million|billion|dozen|half|a|an)`;
const WORD_NUMBER = new RegExp(`\\b${NUMBER_WORD}(?:(?:[\\s-]+|[\\s-]+and[\\s-]+)${NUMBER_WORD})*\\b`, 'gi');
const DIGIT_NUMBER =
  /(?<![\w.,_-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+)(\.\d+)?(?:\s*(million|billion|thousand|bn)\b)?(\+)?/gi;

/** Every count in the sentence, left to right. Vague amounts ("dozens", "thousands") are not counts. */
export function quantitiesIn(sentence: string): Quantity[] {
  const masked = maskNonCounts(sentence);
  const found: Quantity[] = [];
  for (const match of masked.matchAll(DIGIT_NUMBER)) {
    const digits = (match[1] ?? '').replace(/[,\s\u00a0\u202f]/g, '');
    let value = Number(digits + (match[2] ?? ''));
    const scale = match[3]?.toLowerCase();
    if (scale !== undefined) value *= scale === 'bn' ? 1e9 : (SCALES[scale] ?? 1);
    found.push({
      value,
      start: match.index,
      end: match.index + match[0].length - (match[4] ? 1 : 0),
      plus: match[4] !== undefined,
    });
  }
  for (const match of masked.matchAll(WORD_NUMBER)) {
    const parsed = wordNumberValue(match[0]);
    if (parsed === undefined) continue;
    const start = match.index + parsed.offset;
    if (found.some((q) => start < q.end && q.start < start + parsed.length)) continue;
    found.push({ value: parsed.value, start, end: start + parsed.length, plus: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * "a dozen" 12, "two hundred and fifty" 250, "half a million" 500000. Leading "a"/"an" and trailing
 * "and"/"a" that do not belong to the number are trimmed; a bare "a", "half" or "hundred" is no number.
 */
function wordNumberValue(phrase: string): { value: number; offset: number; length: number } | undefined {
  const parts = [...phrase.matchAll(/[a-z]+/gi)].map((m) => ({ word: m[0].toLowerCase(), index: m.index }));
  while (parts.length > 0 && ['and', 'a', 'an'].includes(parts[parts.length - 1]?.word ?? '')) parts.pop();
  while (parts.length > 0 && ['and', 'a', 'an', 'half'].includes(parts[0]?.word ?? '')) {
    const next = parts[1]?.word ?? '';
    const startsNumber = (parts[0]?.word === 'a' || parts[0]?.word === 'an') && (next in SCALES || next === 'dozen');
    const half = parts[0]?.word === 'half' && (next === 'a' || next === 'an') && (parts[2]?.word ?? '') in SCALES;
    if (startsNumber || half) break;
    parts.shift();
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const words = parts.map((p) => p.word);
  if (words.length === 1 && !(words[0]! in UNITS)) return undefined;
  let total = 0;
  let current = 0;
  let sawNumber = false;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (word in UNITS) {
      current += UNITS[word]!;
      sawNumber = true;
    } else if (word === 'a' || word === 'an') {
      current = current === 0 ? 1 : current;
    } else if (word === 'half') {
      current = 0.5;
    } else if (word === 'dozen') {
      current = (current || 1) * 12;
      sawNumber = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      sawNumber = true;
    } else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
      sawNumber = true;
    }
  }
  if (!sawNumber) return undefined;
  return { value: total + current, offset: first.index, length: last.index + last.word.length - first.index };
}
