import { articlesProjection } from './articles/articles.projection';
import { factsProjection } from './facts/facts.projection';
import { feedsProjection } from './feeds/feeds.projection';
import { placesProjection } from './places/places.projection';
import type { Projection } from './projection';
import { syndicationProjection } from './syndication/syndication.projection';
import { timelineProjection } from './timeline/timeline.projection';

/** Every read model, in the order each event is applied to them: what the projector keeps and replay rebuilds. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  feedsProjection,
  articlesProjection,
  syndicationProjection,
  factsProjection,
  placesProjection,
  timelineProjection,
];

/** Every read-model table, each once: what one consistent read of the read models locks. */
export const READ_MODEL_TABLES: readonly string[] = [
  ...new Set(ALL_PROJECTIONS.flatMap((projection) => projection.tables)),
];
