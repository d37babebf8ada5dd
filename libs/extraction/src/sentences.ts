export interface Sentence {
  text: string;
  /** A headline, a subheading or a caption-like line: its figures yield to the body's. */
  headline: boolean;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Adm|Sen|Rep|Gov|Pres|Prof|St|Jr|Sr|No|Nos|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Inc|Ltd|Co|Corp|al|e\.g|i\.e)|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z]?)\.$/;

/**
 * The article as sentences: each line is split at a full stop, question or exclamation mark followed
 * by a capital, a quote or a digit, unless the stop closes an abbreviation or an initial. The title,
 * and body lines without a closing mark, are headlines.
 */
export function sentencesOf(title: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const cleanTitle = title.trim();
  if (cleanTitle !== '') sentences.push({ text: cleanTitle, headline: true });
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const parts = splitLine(line);
    const headline = parts.length === 1 && !/[.!?…:;"”’)]$/.test(line) && line.split(' ').length <= 25;
    for (const part of parts) sentences.push({ text: part, headline });
  }
  return sentences;
}

function splitLine(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of line.matchAll(/([.!?…]+["”’)]*)\s+(?=["“‘(]?[\p{Lu}\d])/gu)) {
    const end = match.index + (match[1]?.length ?? 0);
    const before = line.slice(start, end);
    if (match[1]?.startsWith('.') && ABBREVIATION.test(before.replace(/["”’)]+$/, ''))) continue;
    parts.push(before.trim());
    start = match.index + match[0].length;
  }
  const rest = line.slice(start).trim();
  if (rest !== '') parts.push(rest);
  return parts;
}
