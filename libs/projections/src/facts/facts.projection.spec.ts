import type { StoredEvent } from '@sitrep/events';
import { ARTICLE_INGESTED, dataschemaOf, EVENT_SOURCE, FEED_SUBSCRIBED } from '@sitrep/events';
import { EXTRACTOR_VERSION } from '@sitrep/extraction';
import { factsProjection } from './facts.projection';

const ingested = (publishedAt: string | null): StoredEvent => ({
  position: 7,
  recordedAt: '2024-11-29T10:00:00.000Z',
  hash: 'h',
  event: {
    specversion: '1.0',
    id: 'e7',
    type: ARTICLE_INGESTED,
    source: EVENT_SOURCE,
    subject: 'a1',
    time: '2024-11-29T10:00:00.000Z',
    datacontenttype: 'application/json',
    dataschema: dataschemaOf(ARTICLE_INGESTED, 2),
    dataversion: 2,
    data: {
      articleId: 'a1',
      feedUrl: 'https://wire.test/rss',
      outlet: 'Wire',
      title: 'Toll rises',
      link: null,
      publishedAt,
      text: 'The Syrian Observatory for Human Rights said at least 242 people were killed.',
      contentHash: 'c',
      language: null,
      authors: [],
    },
  },
});

const rowsOf = (stored: StoredEvent): Record<string, unknown>[] => {
  const insert = factsProjection.evolve(stored).find((s) => s.text.includes('jsonb_to_recordset'));
  return JSON.parse((insert?.values[2] as string | undefined) ?? '[]') as Record<string, unknown>[];
};

describe('factsProjection', () => {
  it('gives each fact its provenance: reported at publication, known at ingestion, extractor version, event', () => {
    expect(rowsOf(ingested('2024-11-29T08:00:00Z'))).toEqual([
      expect.objectContaining({
        kind: 'killed',
        grp: 'total',
        value: 242,
        qualifier: 'at_least',
        source: 'SOHR',
        reported_at: '2024-11-29T08:00:00.000Z',
        known_at: '2024-11-29T10:00:00.000Z',
        extractor_version: EXTRACTOR_VERSION,
        event_id: 'e7',
      }),
    ]);
  });

  it('dates an article without a publication time by its ingestion', () => {
    expect(rowsOf(ingested(null))[0]).toEqual(expect.objectContaining({ reported_at: '2024-11-29T10:00:00.000Z' }));
    expect(rowsOf(ingested('last Tuesday'))[0]).toEqual(
      expect.objectContaining({ reported_at: '2024-11-29T10:00:00.000Z' }),
    );
  });

  it('replaces what an earlier event of the article contributed, guarded by position', () => {
    const [tracker, remove] = factsProjection.evolve(ingested(null));
    expect(tracker?.text).toMatch(/where fact_articles\.event_position < excluded\.event_position/);
    expect(remove?.text).toMatch(/delete from facts where article_id = \$1\s+and event_position </);
  });

  it('ignores events that carry no article', () => {
    expect(
      factsProjection.evolve({
        ...ingested(null),
        event: {
          ...ingested(null).event,
          type: FEED_SUBSCRIBED,
          dataschema: dataschemaOf(FEED_SUBSCRIBED, 1),
          data: { feedId: 'f', url: 'https://x.test' },
        } as never,
      }),
    ).toEqual([]);
  });
});
