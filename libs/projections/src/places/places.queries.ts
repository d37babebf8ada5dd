import type { Db } from '../db';
import type { CapturedPlace, FrontLine } from '../offensive/offensive.queries';
import type { TwoTimes } from '../offensive/known-at';
import { getOffensiveState } from '../offensive/offensive.queries';

export interface PlaceProperties {
  name: string;
  kind: string;
  province: string;
  /** Times the articles name it, and in how many stories (syndicated copies count once). */
  mentions: number;
  articles: number;
  firstMentionedAt: string;
  lastMentionedAt: string;
  captured: Pick<CapturedPlace, 'capturedBy' | 'firstReport' | 'latestReport' | 'reports'> | null;
  front: Omit<FrontLine, 'place' | 'reports'> | null;
}

export interface PlaceFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PlaceProperties;
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  /** A foreign member (RFC 7946, 6.1): the times the collection is bounded by. */
  applied: TwoTimes;
  features: PlaceFeature[];
}

interface PlaceRow {
  place: string;
  kind: string;
  province: string;
  lat: number;
  lon: number;
  mentions: number;
  articles: number;
  first_at: string;
  last_at: string;
}

/**
 * The places of the theatre the articles name, as GeoJSON (RFC 7946: [longitude, latitude]), most
 * mentioned first, each with whether it was reported captured and the front's distance to it; within
 * the two times (mentions by the article version the model holds, captures and front as the state).
 */
export const getPlaces = async (db: Db, { asOf, knownAt }: TwoTimes): Promise<PlaceCollection> => {
  const { rows } = await db.query<PlaceRow>(
    `select pm.place, min(pm.kind) as kind, min(pm.province) as province, min(pm.lat) as lat, min(pm.lon) as lon,
            sum(pm.mentions)::integer as mentions,
            count(distinct coalesce(fp.cluster_id, pm.article_id))::integer as articles,
            min(pm.reported_at) as first_at, max(pm.reported_at) as last_at
     from place_mentions pm left join article_fingerprints fp on fp.article_id = pm.article_id
     where ($1::timestamptz is null or pm.reported_at <= $1::timestamptz)
       and ($2::timestamptz is null or exists (
             select 1 from event_log e where e.position = pm.event_position
               and date_trunc('milliseconds', e.recorded_at) <= $2::timestamptz))
     group by pm.place
     order by mentions desc, pm.place`,
    [asOf, knownAt],
  );
  const state = await getOffensiveState(db, { asOf, knownAt });
  const captured = new Map(state.capturedPlaces.map((c) => [c.place, c]));
  const front = new Map(state.front.map((f) => [f.place, f]));
  return {
    type: 'FeatureCollection',
    applied: { asOf, knownAt },
    features: rows.map((row) => {
      const capture = captured.get(row.place);
      const distance = front.get(row.place);
      return {
        type: 'Feature',
        id: row.place,
        geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
        properties: {
          name: row.place,
          kind: row.kind,
          province: row.province,
          mentions: row.mentions,
          articles: row.articles,
          firstMentionedAt: row.first_at,
          lastMentionedAt: row.last_at,
          captured: capture
            ? {
                capturedBy: capture.capturedBy,
                firstReport: capture.firstReport,
                latestReport: capture.latestReport,
                reports: capture.reports,
              }
            : null,
          front: distance
            ? {
                distanceKm: distance.distanceKm,
                qualifier: distance.qualifier,
                source: distance.source,
                reportedAt: distance.reportedAt,
                articleId: distance.articleId,
                sentence: distance.sentence,
              }
            : null,
        },
      };
    }),
  };
};
