import { EventShapeError } from './envelope';
import { deterministicEventId } from './envelope';
import { parsePublishedSitrepEvent, parseSitrepEvent } from './sitrep-event';
import { upcast } from './upcasters';

// A frozen sample of each published version: a change that breaks reading old events fails here.
const ARTICLE_INGESTED_V1 = {
  specversion: '1.0',
  id: '3f1c2a9e-0b7d-8e21-9c44-5a6b7c8d9e0f',
  type: 'sitrep.article.ingested',
  source: 'urn:sitrep',
  subject: 'a_0123456789abcdef01234567',
  time: '2024-11-28T09:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:sitrep:schema:sitrep.article.ingested:v1',
  dataversion: 1,
  data: {
    articleId: 'a_0123456789abcdef01234567',
    feedUrl: 'https://wire.test/rss',
    outlet: 'Test Wire',
    title: 'Fighting reaches the outskirts',
    link: 'https://wire.test/1',
    publishedAt: '2024-11-28T08:00:00.000Z',
    text: 'Fighting reached the outskirts of the city on Thursday.',
    contentHash: 'c0ffee',
  },
};

const ARTICLE_INGESTED_V2 = {
  specversion: '1.0',
  id: '7a2d4c6e-1f3b-8a59-8c7d-0e1f2a3b4c5d',
  type: 'sitrep.article.ingested',
  source: 'urn:sitrep',
  subject: 'a_0123456789abcdef01234567',
  time: '2024-11-28T09:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:sitrep:schema:sitrep.article.ingested:v2',
  dataversion: 2,
  data: {
    articleId: 'a_0123456789abcdef01234567',
    feedUrl: 'https://wire.test/rss',
    outlet: 'Test Wire',
    title: 'Fighting reaches the outskirts',
    link: 'https://wire.test/1',
    publishedAt: '2024-11-28T08:00:00.000Z',
    text: 'Fighting reached the outskirts of the city on Thursday.',
    contentHash: 'c0ffee',
    language: 'en-GB',
    authors: ['Jane Doe', 'John Roe'],
  },
};

const ARTICLE_REVISED_V1 = {
  specversion: '1.0',
  id: '5b8e0f1a-2c3d-8e4f-a5b6-c7d8e9f0a1b2',
  type: 'sitrep.article.revised',
  source: 'urn:sitrep',
  subject: 'a_0123456789abcdef01234567',
  time: '2024-11-28T10:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:sitrep:schema:sitrep.article.revised:v1',
  dataversion: 1,
  data: {
    articleId: 'a_0123456789abcdef01234567',
    feedUrl: 'https://wire.test/rss',
    outlet: 'Test Wire',
    title: 'Fighting reaches the outskirts',
    link: 'https://wire.test/1',
    publishedAt: '2024-11-28T08:00:00.000Z',
    text: 'Fighting reached the outskirts of the city on Thursday night.',
    contentHash: 'c0ffee2',
    previousContentHash: 'c0ffee',
  },
};

const ARTICLE_REVISED_V2 = {
  specversion: '1.0',
  id: '9c0d1e2f-3a4b-8c5d-9e6f-a0b1c2d3e4f5',
  type: 'sitrep.article.revised',
  source: 'urn:sitrep',
  subject: 'a_0123456789abcdef01234567',
  time: '2024-11-28T11:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:sitrep:schema:sitrep.article.revised:v2',
  dataversion: 2,
  data: {
    articleId: 'a_0123456789abcdef01234567',
    feedUrl: 'https://wire.test/rss',
    outlet: 'Test Wire',
    title: 'Fighting reaches the outskirts',
    link: 'https://wire.test/1',
    publishedAt: '2024-11-28T08:00:00.000Z',
    text: 'Fighting reached the outskirts of the city on Thursday night, residents said.',
    contentHash: 'c0ffee3',
    previousContentHash: 'c0ffee2',
    language: null,
    authors: [],
  },
};

const FEED_SUBSCRIBED_V1 = {
  specversion: '1.0',
  id: '1d2e3f4a-5b6c-8d7e-8f9a-0b1c2d3e4f5a',
  type: 'sitrep.feed.subscribed',
  source: 'urn:sitrep',
  subject: 'f_0123456789abcdef01234567',
  time: '2024-11-27T00:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:sitrep:schema:sitrep.feed.subscribed:v1',
  dataversion: 1,
  data: { feedId: 'f_0123456789abcdef01234567', url: 'https://wire.test/rss' },
};

const FEED_UNSUBSCRIBED_V1 = {
  ...FEED_SUBSCRIBED_V1,
  id: '2e3f4a5b-6c7d-8e8f-9a0b-1c2d3e4f5a6b',
  type: 'sitrep.feed.unsubscribed',
  time: '2024-12-10T00:00:00.000Z',
  dataschema: 'urn:sitrep:schema:sitrep.feed.unsubscribed:v1',
};

describe('parseSitrepEvent', () => {
  // Each published version, read back: an old one arrives at the current version, with the fields
  // it never had set to "unknown", and everything it had unchanged.
  it.each([
    [
      'ArticleIngested v1',
      ARTICLE_INGESTED_V1,
      {
        ...ARTICLE_INGESTED_V1,
        dataschema: 'urn:sitrep:schema:sitrep.article.ingested:v2',
        dataversion: 2,
        data: { ...ARTICLE_INGESTED_V1.data, language: null, authors: [] },
      },
    ],
    ['ArticleIngested v2', ARTICLE_INGESTED_V2, ARTICLE_INGESTED_V2],
    [
      'ArticleRevised v1',
      ARTICLE_REVISED_V1,
      {
        ...ARTICLE_REVISED_V1,
        dataschema: 'urn:sitrep:schema:sitrep.article.revised:v2',
        dataversion: 2,
        data: { ...ARTICLE_REVISED_V1.data, language: null, authors: [] },
      },
    ],
    ['ArticleRevised v2', ARTICLE_REVISED_V2, ARTICLE_REVISED_V2],
    ['FeedSubscribed v1', FEED_SUBSCRIBED_V1, FEED_SUBSCRIBED_V1],
    ['FeedUnsubscribed v1', FEED_UNSUBSCRIBED_V1, FEED_UNSUBSCRIBED_V1],
  ])('reads a frozen %s at the current version', (_, sample, current) => {
    const input = structuredClone(sample);
    expect(parseSitrepEvent(input)).toEqual(current);
    expect(input).toEqual(sample);
  });

  it('checks each version against its own schema, before upcasting', () => {
    expect(parsePublishedSitrepEvent(structuredClone(ARTICLE_INGESTED_V1))).toEqual(ARTICLE_INGESTED_V1);
    const v2WithoutAuthors = { ...ARTICLE_INGESTED_V2, data: { ...ARTICLE_INGESTED_V2.data, authors: undefined } };
    expect(() => parseSitrepEvent(v2WithoutAuthors)).toThrow('data.authors: expected an array of strings');
    const v2WithBadAuthor = { ...ARTICLE_INGESTED_V2, data: { ...ARTICLE_INGESTED_V2.data, authors: ['A', 7] } };
    expect(() => parseSitrepEvent(v2WithBadAuthor)).toThrow('data.authors');
    const v2WithoutLanguage = { ...ARTICLE_INGESTED_V2, data: { ...ARTICLE_INGESTED_V2.data, language: undefined } };
    expect(() => parseSitrepEvent(v2WithoutLanguage)).toThrow('data.language: expected a string or null');
  });

  it('leaves a current event as it is', () => {
    const event = parseSitrepEvent(structuredClone(ARTICLE_INGESTED_V2));
    expect(upcast(event)).toBe(event);
  });

  it.each([
    ['not an object', 'hello', 'expected a JSON object'],
    ['a wrong spec version', { ...ARTICLE_INGESTED_V1, specversion: '0.3' }, 'specversion'],
    ['an unknown type', { ...ARTICLE_INGESTED_V1, type: 'sitrep.nope' }, 'unknown event type'],
    ['an unknown version', { ...ARTICLE_INGESTED_V1, dataversion: 9 }, 'v9'],
    [
      'a missing data field',
      { ...ARTICLE_INGESTED_V1, data: { ...ARTICLE_INGESTED_V1.data, title: undefined } },
      'data.title',
    ],
    ['a bad time', { ...ARTICLE_INGESTED_V1, time: 'yesterday' }, 'time'],
  ])('rejects %s with a message naming the problem', (_, value, expected) => {
    expect(() => parseSitrepEvent(value)).toThrow(EventShapeError);
    expect(() => parseSitrepEvent(value)).toThrow(expected);
  });
});

describe('deterministicEventId', () => {
  it('gives the same id for the same parts and another for other parts', () => {
    expect(deterministicEventId('a', 'b')).toBe(deterministicEventId('a', 'b'));
    expect(deterministicEventId('a', 'b')).not.toBe(deterministicEventId('ab', ''));
    expect(deterministicEventId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
