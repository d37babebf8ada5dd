import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Database } from '@sitrep/platform';
import type { HistoryItem, MetricName, OffensiveState, PlaceCollection, TimelineEntry } from '@sitrep/projections';
import { getMetricHistory, getOffensiveState, getPlaces, getTimeline, METRICS, SOURCE_IDS } from '@sitrep/projections';
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
  description: 'the picture as reported (by publication time) up to this time; default now',
};

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
  @ApiOkResponse({
    description:
      '{ asOf, metrics: { [metric]: { value, qualifier, source, reportedAt, articleId, sentence, bySource } | null }, capturedPlaces, front, lastIngestedAt }',
  })
  async state(@Query('asOf') asOf?: string): Promise<OffensiveState> {
    return getOffensiveState(this.database.pool, { asOf: timeParam('asOf', asOf) });
  }

  @Get('history')
  @ApiOperation({
    summary: 'Every report of one metric, in the order reported; syndicated copies of one story count once',
  })
  @ApiQuery({ name: 'metric', required: true, schema: { type: 'string', enum: [...METRICS] } })
  @ApiQuery({ name: 'source', required: false, schema: { type: 'string', enum: [...SOURCE_IDS, 'none'] } })
  @ApiQuery({ ...AS_OF, description: 'reports up to this time (by publication); default all' })
  @ApiOkResponse({
    description:
      '{ metric, items: [{ value, qualifier, source, reportedAt, knownAt, articleId, sentence, outlet, title, copies, copyArticleIds, extractorVersion }] }',
  })
  async history(
    @Query('metric') metric?: string,
    @Query('source') source?: string,
    @Query('asOf') asOf?: string,
  ): Promise<{ metric: MetricName; items: HistoryItem[] }> {
    return getMetricHistory(this.database.pool, {
      metric: requiredParam('metric', metric, (name, raw) => oneOfParam(name, raw, METRICS)),
      source: oneOfParam('source', source, [...SOURCE_IDS, 'none'] as const),
      until: timeParam('asOf', asOf),
    });
  }

  @Get('places')
  @ApiOperation({
    summary:
      "Places the articles name, as a GeoJSON FeatureCollection, with mentions, captures and the front's distance",
  })
  @ApiQuery(AS_OF)
  @ApiOkResponse({ description: 'GeoJSON FeatureCollection of Points ([lon, lat])' })
  async places(@Query('asOf') asOf?: string): Promise<PlaceCollection> {
    return getPlaces(this.database.pool, { asOf: timeParam('asOf', asOf) });
  }

  @Get('timeline')
  @ApiOperation({ summary: 'Developments of the offensive, oldest first, each with the articles that report it' })
  @ApiQuery({ name: 'kind', required: false, schema: { type: 'string', enum: [...DEVELOPMENT_KINDS] } })
  @ApiQuery({ name: 'since', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'until', required: false, schema: { type: 'string', format: 'date-time' } })
  @ApiOkResponse({
    description: '{ items: [{ kind, place, date, firstReportedAt, latestReportedAt, reports, articles }] }',
  })
  async timeline(
    @Query('kind') kind?: string,
    @Query('since') since?: string,
    @Query('until') until?: string,
  ): Promise<{ items: TimelineEntry[] }> {
    return getTimeline(this.database.pool, {
      kind: oneOfParam('kind', kind, DEVELOPMENT_KINDS),
      since: timeParam('since', since),
      until: timeParam('until', until),
    });
  }
}
