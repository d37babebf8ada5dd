import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { articleIdentity, articleIdOf } from './article-id';
import { canonicalUrl } from './canonical-url';
import { articlesFrom, contentHashOf, normaliseItem } from './normalise-item';
import type { FeedItem, ParsedFeed } from './parse-feed';
import { parseFeed } from './parse-feed';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const item = (fields: Partial<FeedItem>): FeedItem => ({
  guid: null,
  guidIsPermaLink: false,
  title: 'A title',
  link: null,
  date: null,
  contentEncoded: null,
  content: null,
  summary: null,
  description: 'Some text.',
  language: null,
  authors: [],
  ...fields,
});
const feed: Pick<ParsedFeed, 'url' | 'title' | 'link'> = {
  url: 'https://wire.test/rss',
  title: 'Test Wire',
  link: 'https://wire.test/',
};

describe('normaliseItem on an RSS feed', () => {
  let rss: ParsedFeed;
  beforeAll(async () => {
    rss = await parseFeed(fixture('wire.rss.xml'), 'https://wire.test/rss');
  });
  const nth = (index: number) => normaliseItem(rss.items[index]!, rss);

  it('makes an article of an item with a guid and HTML in its description', () => {
    const text = 'Clashes broke out at dawn & lasted hours.\n\nA monitor said at least 20 were killed.';
    expect(nth(0)).toEqual({
      status: 'article',
      article: {
        articleId: articleIdOf(`guid:https://wire.test/rss\u0000wire-1001`),
        feedUrl: 'https://wire.test/rss',
        outlet: 'Test Wire & Co',
        title: 'Fighting flares west of the city',
        link: 'https://wire.test/news/1001',
        publishedAt: '2024-11-27T08:15:00.000Z',
        text,
        contentHash: sha256(`Fighting flares west of the city\n${text}`),
        language: null,
        authors: [],
      },
    });
  });

  it('takes the longest body, without scripts, and the canonical link as identity when there is no guid', () => {
    const result = nth(1);
    expect(result.status).toBe('article');
    if (result.status !== 'article') return;
    expect(result.article.text).toBe(
      'Insurgents said they had taken several villages.\n\nThe army did not comment — yet.',
    );
    expect(result.article.articleId).toBe(articleIdOf('url:https://wire.test/news/1002?page=2'));
    expect(result.article.link).toBe('https://wire.test/news/1002/?utm_source=rss&utm_medium=feed&page=2#comments');
    expect(result.article.publishedAt).toBe('2024-11-28T07:00:00.000Z');
  });

  it('gives a null publishedAt to an item without a date, or with one that is not a date', () => {
    expect(nth(2)).toMatchObject({ status: 'article', article: { publishedAt: null, link: null } });
    expect(nth(5)).toMatchObject({ status: 'article', article: { publishedAt: null } });
  });

  it('ignores an empty isPermaLink="false" guid and falls back to the link', () => {
    expect(nth(3)).toMatchObject({
      status: 'article',
      article: { articleId: articleIdOf('url:https://wire.test/news/1004') },
    });
  });

  it('skips an item with neither guid nor link', () => {
    expect(nth(4)).toMatchObject({ status: 'skipped', reason: 'no-identity' });
  });

  it('uses a permalink guid as the link when there is none, and as the same identity as that link', () => {
    expect(nth(5)).toMatchObject({
      status: 'article',
      article: { link: 'https://wire.test/news/1006', articleId: articleIdOf('url:https://wire.test/news/1006') },
    });
  });

  it('resolves a relative link against the site, and never takes a bare guid for a link', () => {
    expect(nth(6)).toMatchObject({
      status: 'article',
      article: {
        link: 'https://wire.test/news/1007',
        articleId: articleIdOf('guid:https://wire.test/rss\u00001007'),
        publishedAt: '2024-11-30T09:30:00.000Z',
      },
    });
  });

  it('articlesFrom keeps the articles and leaves out the skipped items', () => {
    const articles = articlesFrom(rss, 'https://wire.test/rss');
    expect(articles).toHaveLength(6);
    expect(new Set(articles.map((article) => article.articleId)).size).toBe(6);
  });
});

describe('normaliseItem on an Atom feed', () => {
  it('reads titles as HTML, resolves relative links, and keeps going past a bad date', async () => {
    const atom = await parseFeed(fixture('front.atom.xml'), 'https://notes.test/atom.xml');
    const articles = articlesFrom(atom);

    expect(articles).toEqual([
      expect.objectContaining({
        articleId: articleIdOf('uri:tag:notes.test,2024:entry-1'),
        outlet: 'Front Line Notes',
        title: 'Army withdraws from the city',
        publishedAt: '2024-12-05T15:45:00.000Z',
        text: 'The army said it had redeployed outside the city.\n\nResidents reported gunfire overnight.',
      }),
      expect.objectContaining({
        articleId: articleIdOf('url:https://notes.test/2024/12/04/road'),
        link: 'https://notes.test/2024/12/04/road',
        text: 'The highway south was cut near the town.',
      }),
      expect.objectContaining({ title: 'Bad date', publishedAt: null, link: null }),
    ]);
  });
});

describe('normaliseItem', () => {
  it("takes the item's language, else the feed's, and leaves out what is not a language tag", () => {
    const languageOf = (itemLanguage: string | null, feedLanguage: string | null) => {
      const result = normaliseItem(item({ guid: 'x-1', language: itemLanguage }), { ...feed, language: feedLanguage });
      return result.status === 'article' ? result.article.language : 'skipped';
    };
    expect(languageOf('ar', 'en')).toBe('ar');
    expect(languageOf(null, ' en_US ')).toBe('en-US');
    expect(languageOf('English (UK)', null)).toBeNull();
    expect(languageOf(null, null)).toBeNull();
  });

  it('keeps each author once, as plain text, without changing the id or the content hash', () => {
    const plain = normaliseItem(item({ guid: 'x-1' }), feed);
    const bylined = normaliseItem(item({ guid: 'x-1', authors: ['Jane &amp; John', ' Jane &amp; John ', ''] }), feed);
    if (plain.status !== 'article' || bylined.status !== 'article') throw new Error('expected articles');
    expect(bylined.article.authors).toEqual(['Jane & John']);
    expect(bylined.article.articleId).toBe(plain.article.articleId);
    expect(bylined.article.contentHash).toBe(plain.article.contentHash);
  });

  it('gives the same id and hash to the same item polled again', () => {
    const once = normaliseItem(item({ guid: 'x-1' }), feed);
    const again = normaliseItem(item({ guid: 'x-1' }), feed);
    expect(again).toEqual(once);
  });

  it('gives a new hash, not a new id, when the text changes', () => {
    const before = normaliseItem(item({ guid: 'x-1', description: 'At least 20 killed.' }), feed);
    const after = normaliseItem(item({ guid: 'x-1', description: 'At least 44 killed.' }), feed);
    if (before.status !== 'article' || after.status !== 'article') throw new Error('expected articles');
    expect(after.article.articleId).toBe(before.article.articleId);
    expect(after.article.contentHash).not.toBe(before.article.contentHash);
  });

  it('ignores markup and whitespace that do not change the text', () => {
    const plain = normaliseItem(item({ guid: 'x-1', title: 'Title', description: 'One two.' }), feed);
    const marked = normaliseItem(
      item({ guid: 'x-1', title: '  Title ', description: '<p>One   <b>two</b>.</p>' }),
      feed,
    );
    if (plain.status !== 'article' || marked.status !== 'article') throw new Error('expected articles');
    expect(marked.article.contentHash).toBe(plain.article.contentHash);
  });

  it('takes the outlet from the link host when the feed has no title', () => {
    const result = normaliseItem(item({ link: 'https://News.Example.test/a' }), { ...feed, title: null });
    expect(result).toMatchObject({ status: 'article', article: { outlet: 'news.example.test' } });
  });

  it('skips an item with neither a title nor any text', () => {
    expect(normaliseItem(item({ guid: 'x', title: null, description: '<p> </p>' }), feed)).toMatchObject({
      status: 'skipped',
      reason: 'no-content',
    });
  });

  it('keeps an untitled item that has text', () => {
    expect(normaliseItem(item({ guid: 'x', title: null }), feed)).toMatchObject({
      status: 'article',
      article: { title: '' },
    });
  });

  it('drops a link that is not http(s)', () => {
    expect(normaliseItem(item({ guid: 'x', link: 'javascript:alert(1)' }), feed)).toMatchObject({
      article: { link: null },
    });
  });

  it('hashes title and text as "title\\ntext"', () => {
    expect(contentHashOf('T', 'body')).toBe(sha256('T\nbody'));
  });
});

describe('articleIdentity and articleIdOf', () => {
  it.each([
    ['an http guid, canonical', 'https://Wire.test/a/?utm_campaign=x#top', null, 'url:https://wire.test/a'],
    ['a tag: guid as written', 'tag:wire.test,2024:1', null, 'uri:tag:wire.test,2024:1'],
    [
      'a urn guid as written',
      'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
      null,
      'uri:urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
    ],
    ['a bare guid, scoped by feed', ' 42 ', 'https://wire.test/42', 'guid:https://wire.test/rss\u000042'],
    ['a blank guid falls back to the link', '  ', 'https://wire.test/42/', 'url:https://wire.test/42'],
    ['no guid, no link', null, null, null],
    ['no guid and a link that is not http', null, 'ftp://wire.test/x', null],
  ])('%s', (_name, guid, link, identity) => {
    expect(articleIdentity(guid, link, 'https://wire.test/rss')).toBe(identity);
  });

  it('is "a_" and 24 hex digits of the identity\'s sha256', () => {
    expect(articleIdOf('url:https://wire.test/a')).toBe(`a_${sha256('url:https://wire.test/a').slice(0, 24)}`);
    expect(articleIdOf('x')).toMatch(/^a_[0-9a-f]{24}$/);
  });
});

describe('canonicalUrl', () => {
  it.each([
    ['https://WIRE.test:443/News/1/', 'https://wire.test/News/1'],
    ['https://wire.test/?utm_source=a&id=3&UTM_medium=b', 'https://wire.test/?id=3'],
    ['https://wire.test/a?q=a%20b+c&utm_x=1#frag', 'https://wire.test/a?q=a%20b+c'],
    ['https://wire.test/', 'https://wire.test/'],
    ['https://wire.test//', 'https://wire.test/'],
    ['http://wire.test/a///', 'http://wire.test/a'],
    ['mailto:a@wire.test', null],
    ['/relative', null],
  ])('%s → %s', (url, canonical) => {
    expect(canonicalUrl(url)).toBe(canonical);
  });
});
