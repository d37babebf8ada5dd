import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Database } from '@sitrep/platform';
import type { LogEntry } from '@sitrep/storage';
import { listLogEntries } from '@sitrep/storage';
import { integerParam } from '../query-params';

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly database: Database) {}

  @Get()
  @ApiOperation({
    summary: 'The event log by position: the full history. `next` is the position to ask after, null at the end.',
  })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  async list(
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): Promise<{ items: LogEntry[]; next: number | null }> {
    return listLogEntries(this.database.pool, {
      after: integerParam('after', after, { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 }),
      limit: integerParam('limit', limit, { min: 1, max: 1000, fallback: 100 }),
    });
  }
}
