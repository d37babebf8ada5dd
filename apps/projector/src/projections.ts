import type { Projection } from '@sitrep/projections';
import { articlesProjection, feedsProjection } from '@sitrep/projections';

/** The read models the projector keeps, in the order each event is applied to them. */
export const PROJECTIONS: readonly Projection[] = [feedsProjection, articlesProjection];
