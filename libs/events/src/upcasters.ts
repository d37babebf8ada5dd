import type { ArticleIngestedV1Envelope } from './article-ingested.v1';
import { ARTICLE_INGESTED } from './article-ingested.v1';
import type { ArticleIngested } from './article-ingested.v2';
import type { ArticleRevisedV1Envelope } from './article-revised.v1';
import { ARTICLE_REVISED } from './article-revised.v1';
import type { ArticleRevised } from './article-revised.v2';
import { dataschemaOf } from './envelope';
import type { PublishedSitrepEvent, SitrepEvent } from './sitrep-event';

// An upcaster turns one published version into the next, on read: the log keeps what was written
// (its hashes cover those bytes), and projections only ever see the current version. v1 articles
// were written before Sitrep read languages and bylines: unknown, not absent, so null and [].

export const articleIngestedV1ToV2 = (event: ArticleIngestedV1Envelope): ArticleIngested => ({
  ...event,
  dataschema: dataschemaOf(ARTICLE_INGESTED, 2),
  dataversion: 2,
  data: { ...event.data, language: null, authors: [] },
});

export const articleRevisedV1ToV2 = (event: ArticleRevisedV1Envelope): ArticleRevised => ({
  ...event,
  dataschema: dataschemaOf(ARTICLE_REVISED, 2),
  dataversion: 2,
  data: { ...event.data, language: null, authors: [] },
});

/** Any published version of an event, brought to the current one. A current event is returned as it is. */
export const upcast = (event: PublishedSitrepEvent): SitrepEvent => {
  switch (event.type) {
    case ARTICLE_INGESTED:
      return event.dataversion === 1 ? articleIngestedV1ToV2(event) : event;
    case ARTICLE_REVISED:
      return event.dataversion === 1 ? articleRevisedV1ToV2(event) : event;
    default:
      return event;
  }
};
