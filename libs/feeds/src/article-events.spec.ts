import { deterministicEventId, parseSitrepEvent } from '@sitrep/events';
import { articleEventsFrom } from './article-events';
import type { Article } from './normalise-item';

const now = new Date('2024-11-28T09:00:00.000Z');

const article = (articleId: string, contentHash: string, fields: Partial<Article> = {}): Article => ({
  articleId,
  feedUrl: 'https://wire.test/rss',
  outlet: 'Test Wire',
  title: `Title of ${articleId}`,
  link: `https://wire.test/${articleId}`,
  publishedAt: '2024-11-27T08:15:00.000Z',
  text: 'Text.',
  contentHash,
  language: null,
  authors: [],
  ...fields,
});

describe('articleEventsFrom', () => {
  it('ingests an article it has not seen, in a CloudEvents envelope', () => {
    const events = articleEventsFrom([article('a_1', 'h1')], new Map(), now);

    expect(events).toEqual([
      {
        specversion: '1.0',
        id: deterministicEventId('sitrep.article.ingested', 'a_1', 'h1'),
        type: 'sitrep.article.ingested',
        source: 'urn:sitrep',
        subject: 'a_1',
        time: '2024-11-28T09:00:00.000Z',
        datacontenttype: 'application/json',
        dataschema: 'urn:sitrep:schema:sitrep.article.ingested:v2',
        dataversion: 2,
        data: article('a_1', 'h1'),
      },
    ]);
    expect(parseSitrepEvent(JSON.parse(JSON.stringify(events[0])))).toEqual(events[0]);
  });

  it('revises a known article whose content hash changed, naming the hash it replaces', () => {
    const events = articleEventsFrom([article('a_1', 'h2')], new Map([['a_1', 'h1']]), now);

    expect(events).toEqual([
      expect.objectContaining({
        id: deterministicEventId('sitrep.article.revised', 'a_1', 'h1', 'h2'),
        type: 'sitrep.article.revised',
        subject: 'a_1',
        dataschema: 'urn:sitrep:schema:sitrep.article.revised:v2',
        data: { ...article('a_1', 'h2'), previousContentHash: 'h1' },
      }),
    ]);
    expect(parseSitrepEvent(JSON.parse(JSON.stringify(events[0])))).toEqual(events[0]);
  });

  it('writes version 2, with the language and authors, under the same event id as version 1 did', () => {
    const [event] = articleEventsFrom(
      [article('a_1', 'h1', { language: 'en', authors: ['Jane Doe'] })],
      new Map(),
      now,
    );
    expect(event).toMatchObject({
      id: deterministicEventId('sitrep.article.ingested', 'a_1', 'h1'),
      dataversion: 2,
      dataschema: 'urn:sitrep:schema:sitrep.article.ingested:v2',
      data: { language: 'en', authors: ['Jane Doe'] },
    });
  });

  it('skips an article whose content hash it has seen', () => {
    expect(articleEventsFrom([article('a_1', 'h1')], new Map([['a_1', 'h1']]), now)).toEqual([]);
  });

  it('keeps one of an article listed twice in one poll: the first', () => {
    const events = articleEventsFrom(
      [article('a_1', 'h1'), article('a_2', 'h2'), article('a_1', 'h1b')],
      new Map(),
      now,
    );
    expect(events.map((event) => [event.subject, event.data.contentHash])).toEqual([
      ['a_1', 'h1'],
      ['a_2', 'h2'],
    ]);
  });

  it('mints the same event ids when the same poll is repeated later', () => {
    const first = articleEventsFrom([article('a_1', 'h1'), article('a_2', 'h2')], new Map([['a_2', 'h0']]), now);
    const retried = articleEventsFrom(
      [article('a_1', 'h1'), article('a_2', 'h2')],
      new Map([['a_2', 'h0']]),
      new Date('2024-11-28T09:05:00Z'),
    );
    expect(retried.map((event) => event.id)).toEqual(first.map((event) => event.id));
  });

  it('gives a revision back to an earlier text its own id', () => {
    const [forth] = articleEventsFrom([article('a_1', 'h2')], new Map([['a_1', 'h1']]), now);
    const [back] = articleEventsFrom([article('a_1', 'h1')], new Map([['a_1', 'h2']]), now);
    expect(back?.id).not.toBe(forth?.id);
  });

  it('returns nothing for no articles', () => {
    expect(articleEventsFrom([], new Map(), now)).toEqual([]);
  });
});
