import { decodeEntities } from './decode-entities';

// Private-use code points stand for breaks while the source's own whitespace is collapsed.
const PARAGRAPH = '\ue000';
const LINE = '\ue001';

// Quoted attribute values may hold ">".
const ATTRIBUTES = `(?:"[^"]*"|'[^']*'|[^'">])*`;
const tags = (names: string): RegExp => new RegExp(`<\\/?(?:${names})\\b${ATTRIBUTES}>`, 'gi');

const INVISIBLE = /<(script|style|noscript|template|iframe|object|svg|math|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = tags(
  'p|div|h[1-6]|blockquote|pre|ul|ol|dl|dd|dt|table|thead|tbody|tfoot|tr|section|article|aside|header|footer|nav|figure|figcaption|hr|main|address|details|summary|fieldset|form',
);
// <br>, and the start of a list item; an item's end adds nothing, or two items would be a paragraph.
const LINE_BREAK = new RegExp(`<(?:br|li)\\b${ATTRIBUTES}>|<\\/br\\s*>`, 'gi');
const CELL = tags('td|th');
// A tag starts with a letter, "/", "!" or "?": "5 < 6" in text that was never HTML stays as written.
const TAG = new RegExp(`<[A-Za-z/!?]${ATTRIBUTES}>`, 'g');
const ANY_TAG = new RegExp(TAG.source);

// A body with no markup at all is plain text, as many feeds send it: its own line breaks are the
// only structure it has, so a blank line is a paragraph and a newline a line break.
const plainTextBreaks = (text: string): string =>
  ANY_TAG.test(text)
    ? text
    : text
        .replace(/\r\n?/g, '\n')
        .replace(/\n[ \t]*\n\s*/g, PARAGRAPH)
        .replace(/\n/g, LINE);

/**
 * Plain text from an HTML fragment (or from plain text, whose line breaks are kept): scripts, styles and tags removed, character references decoded,
 * paragraphs (and other blocks, and a double <br>) kept apart by "\n\n", a single line break kept
 * as "\n", every other run of whitespace collapsed to one space.
 */
export const htmlToText = (html: string): string =>
  decodeEntities(
    plainTextBreaks(html.replace(/[\ue000\ue001]/g, ''))
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(INVISIBLE, ' ')
      .replace(/<(script|style)\b[\s\S]*$/i, ' ')
      .replace(/\s+/g, ' ')
      .replace(BLOCK, PARAGRAPH)
      .replace(LINE_BREAK, LINE)
      .replace(CELL, ' ')
      .replace(TAG, ''),
  )
    // Decoded references may be whitespace too (&nbsp;, &#10;): collapsed with the rest.
    .replace(/\s+/g, ' ')
    .replace(/ *([\ue000\ue001]) */g, '$1')
    .replace(/[\ue000\ue001]+/g, (breaks) => (breaks.includes(PARAGRAPH) || breaks.length > 1 ? '\n\n' : '\n'))
    .trim();

/** Text on one line, for titles: the same as htmlToText, with breaks as spaces. */
export const htmlToLine = (html: string): string => htmlToText(html).replace(/\s+/g, ' ');
