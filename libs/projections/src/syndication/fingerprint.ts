import { createHash } from 'node:crypto';

/** Shorter texts say too little to tell a copy from another story of the same day. */
export const MIN_FINGERPRINT_WORDS = 40;
const SHINGLE_WORDS = 3;

/** The words of a text, lower case, accents and punctuation dropped: what outlets keep when they reprint. */
export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/**
 * A 64-bit simhash (Charikar) of the text's overlapping three-word shingles, as a string of 64
 * bits (PostgreSQL's bit(64)), or null for a text under MIN_FINGERPRINT_WORDS words. Copies of one
 * wire story that differ by a dateline, a byline or a trimmed paragraph differ in a few bits; two
 * different stories differ in about half of them.
 */
export const simhashOf = (text: string): string | null => {
  const words = wordsOf(text);
  if (words.length < MIN_FINGERPRINT_WORDS) return null;
  const weights = new Array<number>(64).fill(0);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1) {
    const digest = createHash('md5')
      .update(words.slice(i, i + SHINGLE_WORDS).join(' '))
      .digest();
    for (let bit = 0; bit < 64; bit += 1) {
      const set = ((digest[bit >> 3] ?? 0) >> (bit & 7)) & 1;
      weights[bit] = (weights[bit] ?? 0) + (set ? 1 : -1);
    }
  }
  return weights.map((weight) => (weight > 0 ? '1' : '0')).join('');
};

export const hammingDistance = (a: string, b: string): number => {
  let distance = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) distance += 1;
  return distance;
};
