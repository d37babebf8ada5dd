import Parser from 'rss-parser';
import { FeedError } from './feed-error';

/** A feed as parsed, before any decision about its items: fields as the feed wrote them, or null. */
export interface ParsedFeed {
  readonly url: string;
  readonly title: string | null;
  readonly link: string | null;
  /** RSS <language> or dc:language, Atom xml:lang on <feed>; as written, or null. */
  readonly language: string | null;
  readonly items: readonly FeedItem[];
}

export interface FeedItem {
  /** RSS <guid> or Atom <id>; null when absent or empty. */
  readonly guid: string | null;
  /** RSS: false only for isPermaLink="false". Atom ids are never links. */
  readonly guidIsPermaLink: boolean;
  readonly title: string | null;
  readonly link: string | null;
  /** The date as written (RSS pubDate or dc:date, Atom published or updated). */
  readonly date: string | null;
  /** Bodies, as HTML or text, from the elements that may carry one. */
  readonly contentEncoded: string | null;
  readonly content: string | null;
  readonly summary: string | null;
  readonly description: string | null;
  /** The item's own dc:language, else null (the feed's language applies). */
  readonly language: string | null;
  /** Names from dc:creator and author (RSS), or <author><name> (Atom), in the feed's order, as written. */
  readonly authors: readonly string[];
}

type RawItem = Record<string, unknown>;

// rss-parser keeps <guid>'s attributes only when asked for the raw element.
// Atom dates are read under other names: rss-parser converts <published> and <updated> to ISO
// itself and throws on a malformed one, failing the whole feed for one bad date.
// rss-parser keeps only the first dc:creator or author, and Atom authors' names only for the first:
// every one is read under names of our own.
const customFields = {
  feed: [['dc:language', 'sitrepLanguage']],
  item: [
    ['guid', 'guidElement', { keepArray: true }],
    'sitrep-published',
    'sitrep-updated',
    ['dc:creator', 'sitrepCreators', { keepArray: true }],
    ['author', 'sitrepAuthors', { keepArray: true }],
  ],
} as const;
const hideAtomDates = (xml: string): string => xml.replace(/<(\/?)(published|updated)(?=[\s>/])/g, '<$1sitrep-$2');

const ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);

/**
 * Parses RSS (0.9x, 1.0, 2.0) or Atom with rss-parser's parseString. A body that is not a feed
 * (an HTML error page, JSON) is an error that names the root it found.
 */
export const parseFeed = async (xml: string, url: string): Promise<ParsedFeed> => {
  const root = rootElementOf(xml);
  if (root === null || !ROOTS.has(root.toLowerCase())) {
    throw new FeedError('FEED_UNPARSABLE', url, `expected <rss> or <feed>, found ${describeStart(xml, root)}`);
  }
  // A new parser per call: rss-parser's xml2js parser keeps state between parses, so one shared
  // instance would mix up feeds polled concurrently.
  const parser = new Parser<Record<string, unknown>, RawItem>({ customFields: customFields as never, defaultRSS: 2 });
  const isAtom = root === 'feed';
  let output: Parser.Output<RawItem> & Record<string, unknown>;
  try {
    output = await parser.parseString(isAtom ? hideAtomDates(xml) : xml);
  } catch (error) {
    const reason = ((error as Error).message || String(error)).split('\n').join('; ');
    throw new FeedError('FEED_UNPARSABLE', url, `expected well-formed <${root}> XML, found ${reason}`, {
      cause: error,
    });
  }
  return {
    url,
    title: textOf(output.title),
    link: textOf(output.link),
    language: textOf(output.language) ?? textOf(output.sitrepLanguage) ?? (isAtom ? atomLanguageOf(xml) : null),
    items: output.items.map((item) => (isAtom ? atomItem(item) : rssItem(item))),
  };
};

const rssItem = (item: RawItem): FeedItem => {
  const guid = guidOf(item.guidElement);
  return {
    guid: guid.value,
    guidIsPermaLink: guid.isPermaLink,
    title: textOf(item.title),
    link: textOf(item.link),
    date: textOf(item.pubDate) ?? textOf(item.date),
    contentEncoded: textOf(item['content:encoded']),
    content: null,
    summary: textOf(item.summary),
    // rss-parser reads <description> into `content`.
    description: textOf(item.content),
    language: textOf(item.language),
    authors: namesOf([item.sitrepCreators, item.sitrepAuthors]),
  };
};

const atomItem = (item: RawItem): FeedItem => ({
  guid: textOf(item.id),
  guidIsPermaLink: false,
  title: textOf(item.title),
  link: textOf(item.link),
  date: textOf(item['sitrep-published']) ?? textOf(item['sitrep-updated']),
  contentEncoded: null,
  content: textOf(item.content),
  summary: textOf(item.summary),
  description: null,
  language: null,
  authors: namesOf([item.sitrepAuthors]),
});

/**
 * Author names from the elements that carry them: text (dc:creator, RSS author) or an Atom person
 * ({ name: [text] }). An RSS author is an e-mail address with the name in parentheses, or a name.
 * Each name once, in order.
 */
const namesOf = (elements: readonly unknown[]): string[] => {
  const names = elements
    .flatMap((element): unknown[] => (Array.isArray(element) ? element : element === undefined ? [] : [element]))
    .map((value) => {
      const person = typeof value === 'object' && value !== null && 'name' in value ? value.name : value;
      const text = textOf(Array.isArray(person) ? person[0] : person);
      if (text === null) return null;
      const named = /^\S+@\S+\s*\((.+)\)$/.exec(text);
      return named?.[1]?.trim() ?? text;
    })
    .filter((name): name is string => name !== null && name !== '');
  return [...new Set(names)];
};

/** xml:lang of the Atom <feed> element, which rss-parser does not read. */
const atomLanguageOf = (xml: string): string | null => {
  const feedTag = /<feed\b[^>]*>/.exec(xml)?.[0] ?? '';
  return textOf(/\sxml:lang\s*=\s*["']([^"']*)["']/.exec(feedTag)?.[1]);
};

/** xml2js gives an element as a string, or as { _: text, $: attributes } when it has attributes. */
const textOf = (value: unknown): string | null => {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null
        ? (value as { _?: unknown })._
        : null;
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
};

const guidOf = (element: unknown): { value: string | null; isPermaLink: boolean } => {
  const first: unknown = Array.isArray(element) ? element[0] : element;
  const attributes =
    typeof first === 'object' && first !== null ? (first as { $?: Record<string, unknown> }).$ : undefined;
  // RSS 2.0: isPermaLink defaults to true.
  const isPermaLink =
    typeof attributes?.isPermaLink !== 'string' || attributes.isPermaLink.trim().toLowerCase() !== 'false';
  return { value: textOf(first), isPermaLink };
};

/** The name of the document's first element, past the XML declaration, comments, PIs and a doctype. */
const rootElementOf = (xml: string): string | null => {
  const body = xml
    .replace(/^\uFEFF/, '')
    .replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(body)?.[1] ?? null;
};

const describeStart = (xml: string, root: string | null): string => {
  if (root !== null) return `<${root}>`;
  const start = xml.replace(/^\uFEFF/, '').trim();
  if (start === '') return 'an empty body';
  return `text starting ${JSON.stringify(start.slice(0, 40))}`;
};
