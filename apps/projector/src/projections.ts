import type { Projection } from '@sitrep/projections';
import {
  articlesProjection, factsProjection, feedsProjection, placesProjection, syndicationProjection, timelineProjection,
} from '@sitrep/projections';

/** The read models the projector keeps, in the order each event is applied to them. */
export const PROJECTIONS: readonly Projection[] = [
  feedsProjection, articlesProjection, syndicationProjection, factsProjection, placesProjection, timelineProjection,
];
