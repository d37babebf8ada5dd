import { readFileSync } from 'node:fs';
import { FeedError } from './feed-error';
import { parseFeed } from './parse-feed';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseFeed', () => {
  it('reads an RSS 2.0 channel and its items, keeping whether a guid is a permalink', async () => {
    const feed = await parseFeed(fixture('wire.rss.xml'), 'https://wire.test/rss');

    expect(feed).toMatchObject({ url: 'https://wire.test/rss', title: 'Test Wire & Co', link: 'https://wire.test/' });
    expect(feed.items).toHaveLength(7);
    expect(feed.items[0]).toMatchObject({
      guid: 'wire-1001',
      guidIsPermaLink: false,
      title: 'Fighting flares west of the city',
      link: 'https://wire.test/news/1001',
      date: 'Wed, 27 Nov 2024 08:15:00 GMT',
      contentEncoded: null,
    });
    expect(feed.items[0]?.description).toContain('<p>Clashes broke out');
    expect(feed.items[1]).toMatchObject({ guid: null });
    expect(feed.items[1]?.contentEncoded).toContain('<div><p>Insurgents');
    expect(feed.items[3]).toMatchObject({ guid: null, guidIsPermaLink: false });
    expect(feed.items[5]).toMatchObject({ guid: 'https://wire.test/news/1006', guidIsPermaLink: true, link: null });
    expect(feed.items[6]).toMatchObject({ guid: '1007', guidIsPermaLink: true, date: '2024-11-30T09:30:00Z' });
  });

  it('reads an Atom feed: ids, alternate links, html content, published before updated', async () => {
    const feed = await parseFeed(fixture('front.atom.xml'), 'https://notes.test/atom.xml');

    expect(feed).toMatchObject({ title: 'Front Line Notes', link: 'https://notes.test/' });
    expect(feed.items).toEqual([
      expect.objectContaining({
        guid: 'tag:notes.test,2024:entry-1',
        guidIsPermaLink: false,
        title: 'Army <em>withdraws</em> from the city',
        link: 'https://notes.test/2024/12/05/withdrawal',
        date: '2024-12-05T17:45:00+02:00',
        summary: 'The army said it had redeployed.',
      }),
      expect.objectContaining({
        guid: 'https://notes.test/2024/12/04/road/',
        link: '/2024/12/04/road',
        date: '2024-12-04T08:00:00Z',
      }),
      expect.objectContaining({ title: 'Bad date', date: 'sometime last week' }),
    ]);
    expect(feed.items[0]?.content).toContain('<p>The army said it had redeployed outside the city.</p>');
  });

  it('reads languages and every author: RSS <language>, dc:language, dc:creator, author; Atom xml:lang, <author>', async () => {
    const rss = await parseFeed(
      `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><language>en-us</language>
         <item><title>a</title><dc:creator>Jane Doe</dc:creator><dc:creator>John Roe</dc:creator>
           <author>desk@wire.test (Wire Desk)</author><dc:language>ar</dc:language></item>
         <item><title>b</title><author>Jane Doe</author></item>
         <item><title>c</title></item>
       </channel></rss>`,
      'https://t.test/',
    );
    expect(rss.language).toBe('en-us');
    expect(rss.items.map(({ language, authors }) => ({ language, authors }))).toEqual([
      { language: 'ar', authors: ['Jane Doe', 'John Roe', 'Wire Desk'] },
      { language: null, authors: ['Jane Doe'] },
      { language: null, authors: [] },
    ]);

    const atom = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>N</title>
         <entry><id>1</id><title>a</title><author><name>Marie Curie</name></author><author><name>Paul Langevin</name></author></entry>
         <entry><id>2</id><title>b</title></entry>
       </feed>`,
      'https://n.test/atom',
    );
    expect(atom.language).toBe('fr');
    expect(atom.items.map((item) => item.authors)).toEqual([['Marie Curie', 'Paul Langevin'], []]);
  });

  it('reads an RSS document without a version attribute as RSS 2.0', async () => {
    const feed = await parseFeed(
      '<rss><channel><title>T</title><item><title>x</title></item></channel></rss>',
      'https://t.test/',
    );
    expect(feed.items).toHaveLength(1);
  });

  it('rejects an HTML page, naming the root it found', async () => {
    const parsing = parseFeed(fixture('not-a-feed.html'), 'https://wire.test/rss');
    await expect(parsing).rejects.toThrow(FeedError);
    await expect(parsing).rejects.toMatchObject({
      code: 'FEED_UNPARSABLE',
      retriable: false,
      message: 'FEED_UNPARSABLE: feed https://wire.test/rss: expected <rss> or <feed>, found <html>',
    });
  });

  it.each([
    ['an empty body', '', 'found an empty body'],
    ['JSON', '{"items": []}', 'found text starting "{\\"items\\": []}"'],
    ['another XML document', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'found <svg>'],
  ])('rejects %s', async (_name, body, found) => {
    const parsing = parseFeed(body, 'https://t.test/');
    await expect(parsing).rejects.toMatchObject({ code: 'FEED_UNPARSABLE' });
    await expect(parsing).rejects.toThrow(`expected <rss> or <feed>, ${found}`);
  });

  it('rejects a feed that is not well-formed XML, saying what the parser found', async () => {
    const parsing = parseFeed('<rss version="2.0"><channel><title>T</channel></rss>', 'https://t.test/');
    await expect(parsing).rejects.toMatchObject({ code: 'FEED_UNPARSABLE' });
    await expect(parsing).rejects.toThrow(
      /^FEED_UNPARSABLE: feed https:\/\/t\.test\/: expected well-formed <rss> XML, found .+/,
    );
  });

  it('parses feeds concurrently without mixing them up', async () => {
    const feeds = await Promise.all([
      parseFeed(fixture('wire.rss.xml'), 'https://wire.test/rss'),
      parseFeed(fixture('front.atom.xml'), 'https://notes.test/atom.xml'),
      parseFeed(fixture('wire.rss.xml'), 'https://wire.test/rss'),
    ]);
    expect(feeds.map((feed) => [feed.title, feed.items.length])).toEqual([
      ['Test Wire & Co', 7],
      ['Front Line Notes', 3],
      ['Test Wire & Co', 7],
    ]);
  });
});
