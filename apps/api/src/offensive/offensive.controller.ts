import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Database } from '@sitrep/platform';
import type {
  HistoryItem,
  MetricExplanation,
  MetricName,
  OffensiveState,
  PlaceCollection,
  TimelineEntry,
  TwoTimes,
} from '@sitrep/projections';
import {
  explainMetric,
  getMetricHistory,
  getOffensiveState,
  getPlaces,
  getTimeline,
  METRICS,
  SOURCE_IDS,
} from '@sitrep/projections';
import { oneOfParam, requiredParam, timeParam } from '../query-params';

const DEVELOPMENT_KINDS = [
  'offensive_launched',
  'place_captured',
  'road_cut',
  'city_shelled',
  'air_strike',
  'city_reached',
  'city_entered',
] as const;

const AS_OF = {
  name: 'asOf',
  required: false,
  schema: { type: 'string' as const, format: 'date-time' },
  description: 'what had been reported by this time (by publication time); default now',
};

const KNOWN_AT = {
  name: 'knownAt',
  required: false,
  schema: { type: 'string' as const, format: 'date-time' },
  description:
    'what Sitrep had ingested by this time (by the time it recorded the event); default now. With asOf: both bounds apply',
};

/** The two times of issue 4, each a 400 naming it when it is not a time. */
const twoTimes = (asOf: unknown, knownAt: unknown): TwoTimes => ({
  asOf: timeParam('asOf', asOf),
  knownAt: timeParam('knownAt', knownAt),
});

@ApiTags('offensive')
@Controller('v1/offensive')
export class OffensiveController {
  constructor(private readonly database: Database) {}

  @Get('state')
  @ApiOperation({
    summary:
      "The current picture: each metric's headline and every source's figure, places captured, the front, the latest ingestion",
    description:
      "Per metric, each source's most recent figure (the largest when one article gives several); the headline is the largest of those. " +
      'A metric never reported is null.',
  })
  @ApiQuery(AS_OF)
  @ApiQuery(KNOWN_AT)
  @ApiOkResponse({
    description:
      '{ asOf, applied: { asOf, knownAt }, metrics: { [metric]: { value, qualifier, source, reportedAt, articleId, sentence, bySource } | null }, capturedPlaces, front, lastIngestedAt }',
  })
  async state(@Query('asOf') asOf?: string, @Query('knownAt') knownAt?: string): Promise<OffensiveState> {
    const times = twoTimes(asOf, knownAt);
    return this.database.readModels((db) => getOffensiveState(db, times));
  }

  @Get('state/explain')
  @ApiOperation({
    summary:
      "The chain behind one metric's headline: the figure, the facts it was chosen from and why, and their sources",
    description:
      "Candidates are each source's most recent figure, the headline first; `setAside` are the other reports, each with why it lost " +
      '(older report of the same source, smaller figure within the same article…). Every fact comes with its sentence, its article ' +
      '(id, title, outlet, publishedAt, link) and the event it was read from (id, position, hash, type, recordedAt), as /v1/events serves it. ' +
      'A metric never reported (within the times given) is a 200 with `figure: null` and no candidates.',
  })
  @ApiQuery({ name: 'metric', required: true, schema: { type: 'string', enum: [...METRICS] } })
  @ApiQuery(AS_OF)
  @ApiQuery(KNOWN_AT)
  @ApiOkResponse({
    description:
      '{ metric, applied: { asOf, knownAt }, rule, figure: { value, qualifier, source, reportedAt, articleId, sentence, bySource } | null, reason, ' +
      'candidates: [{ outcome, reason, lostTo, fact: { id, kind, group, value, qualifier, source, sentence, reportedAt, knownAt, extractorVersion }, ' +
      'copies, copyArticleIds, article: { id, title, outlet, publishedAt, link }, event: { id, position, hash, type, recordedAt } }], setAside: [same] }',
  })
  async explain(
    @Query('metric') metric?: string,
    @Query('asOf') asOf?: string,
    @Query('knownAt') knownAt?: string,
  ): Promise<MetricExplanation> {
    const name = requiredParam('metric', metric, (param, raw) => oneOfParam(param, raw, METRICS));
    const times = twoTimes(asOf, knownAt);
    return this.database.readModels((db) => explainMetric(db, name, times));
  }

  @Get('history')
  @ApiOperation({
    summary: 'Every report of one metric, in the order reported; syndicated copies of one story count once',
  })
  @ApiQuery({ name: 'metric', required: true, schema: { type: 'string', enum: [...METRICS] } })
  @ApiQuery({ name: 'source', required: false, schema: { type: 'string', enum: [...SOURCE_IDS, 'none'] } })
  @ApiQuery({ ...AS_OF, description: 'reports up to this time (by publication); default all' })
  @ApiQuery(KNOWN_AT)
  @ApiOkResponse({
    description:
      '{ metric, applied: { asOf, knownAt }, items: [{ value, qualifier, source, reportedAt, knownAt, articleId, sentence, outlet, title, copies, copyArticleIds, extractorVersion }] }',
  })
  async history(
    @Query('metric') metric?: string,
    @Query('source') source?: string,
    @Query('asOf') asOf?: string,
    @Query('knownAt') knownAt?: string,
  ): Promise<{ metric: MetricName; applied: TwoTimes; items: HistoryItem[] }> {
    const query = {
      metric: requiredParam('metric', metric, (name, raw) => oneOfParam(name, raw, METRICS)),
      source: oneOfParam('source', source, [...SOURCE_IDS, 'none'] as const),
      ...twoTimes(asOf, knownAt),
    };
    return this.database.readModels((db) => getMetricHistory(db, query));
  }

  @Get('places')
  @ApiOperation({
    summary:
      "Places the articles name, as a GeoJSON FeatureCollection, with mentions, captures and the front's distance",
  })
  @ApiQuery(AS_OF)
  @ApiQuery(KNOWN_AT)
  @ApiOkResponse({
    description: 'GeoJSON FeatureCollection of Points ([lon, lat]), with the foreign member applied: { asOf, knownAt }',
  })
  async places(@Query('asOf') asOf?: string, @Query('knownAt') knownAt?: string): Promise<PlaceCollection> {
    const times = twoTimes(asOf, knownAt);
    return this.database.readModels((db) => getPlaces(db, times));
  }

  @Get('timeline')
  @ApiOperation({ summary: 'Developments of the offensive, oldest first, each with the articles that report it' })
  @ApiQuery({ name: 'kind', required: false, schema: { type: 'string', enum: [...DEVELOPMENT_KINDS] } })
  @ApiQuery({ name: 'since', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'until', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery(KNOWN_AT)
  @ApiOkResponse({
    description:
      '{ applied: { knownAt }, items: [{ kind, place, date, firstReportedAt, latestReportedAt, reports, articles }] }',
  })
  async timeline(
    @Query('kind') kind?: string,
    @Query('since') since?: string,
    @Query('until') until?: string,
    @Query('knownAt') knownAt?: string,
  ): Promise<{ applied: { knownAt: string | null }; items: TimelineEntry[] }> {
    const query = {
      kind: oneOfParam('kind', kind, DEVELOPMENT_KINDS),
      since: timeParam('since', since),
      until: timeParam('until', until),
      knownAt: timeParam('knownAt', knownAt),
    };
    return this.database.readModels((db) => getTimeline(db, query));
  }
}
