import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Database } from '@sitrep/platform';
import type { FactView } from '@sitrep/projections';
import { FACT_GROUPS, FACT_KINDS, listFacts, SOURCE_IDS } from '@sitrep/projections';
import { integerParam, oneOfParam, optionalStringParam, timeParam } from '../query-params';

@ApiTags('facts')
@Controller('v1/facts')
export class FactsController {
  constructor(private readonly database: Database) {}

  @Get()
  @ApiOperation({
    summary:
      'Facts read out of the articles, newest report first, with provenance (article, sentence, source, reported and known time, extractor version)',
  })
  @ApiQuery({ name: 'kind', required: false, schema: { type: 'string', enum: [...FACT_KINDS] } })
  @ApiQuery({ name: 'group', required: false, schema: { type: 'string', enum: [...FACT_GROUPS] } })
  @ApiQuery({
    name: 'source',
    required: false,
    schema: { type: 'string', enum: [...SOURCE_IDS, 'none'] },
    description: '`none`: facts whose article names no claimant',
  })
  @ApiQuery({
    name: 'since',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'reported at or after',
  })
  @ApiQuery({
    name: 'until',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'reported at or before',
  })
  @ApiQuery({
    name: 'knownAt',
    required: false,
    schema: { type: 'string', format: 'date-time' },
    description: 'known (ingested by Sitrep) at or before',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({
    name: 'cursor',
    required: false,
    schema: { type: 'string' },
    description: 'nextCursor of the previous page',
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async list(
    @Query('kind') kind?: string,
    @Query('group') group?: string,
    @Query('source') source?: string,
    @Query('since') since?: string,
    @Query('until') until?: string,
    @Query('knownAt') knownAt?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<{ items: FactView[]; nextCursor: string | null }> {
    return listFacts(this.database.pool, {
      kind: oneOfParam('kind', kind, FACT_KINDS),
      group: oneOfParam('group', group, FACT_GROUPS),
      source: oneOfParam('source', source, [...SOURCE_IDS, 'none'] as const),
      since: timeParam('since', since),
      until: timeParam('until', until),
      knownAt: timeParam('knownAt', knownAt),
      limit: integerParam('limit', limit, { min: 1, max: 500, fallback: 100 }),
      cursor: optionalStringParam('cursor', cursor, 500),
    });
  }
}
