import { EventShapeError } from './envelope';
import { deterministicEventId } from './envelope';
import { parseSitrepEvent } from './sitrep-event';

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

describe('parseSitrepEvent', () => {
  it('reads a frozen v1 ArticleIngested', () => {
    expect(parseSitrepEvent(structuredClone(ARTICLE_INGESTED_V1))).toEqual(ARTICLE_INGESTED_V1);
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
