import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { feedIdFrom, feedSubscribed, feedUnsubscribed } from '@sitrep/feeds';
import { Database, EVENT_SINK } from '@sitrep/platform';
import type { FeedView } from '@sitrep/projections';
import { getFeed, listFeeds } from '@sitrep/projections';
import type { EventSink } from '@sitrep/transport';
import { ApiKeyGuard } from '../api-key.guard';
import { feedUrlFrom } from './feed-url';

@ApiTags('feeds')
@Controller('v1/feeds')
export class FeedsController {
  constructor(
    private readonly database: Database,
    @Inject(EVENT_SINK) private readonly sink: EventSink,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The feeds, with their polling state' })
  @ApiQuery({
    name: 'all',
    required: false,
    schema: { type: 'boolean', default: false },
    description: 'include unsubscribed feeds',
  })
  async list(@Query('all') all?: string): Promise<{ items: FeedView[] }> {
    return { items: await listFeeds(this.database.pool, { activeOnly: all !== 'true' }) };
  }

  @Post()
  @HttpCode(202)
  @UseGuards(ApiKeyGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Subscribe a feed (http or https); it is polled without a restart. Idempotent on the URL.' })
  @ApiBody({ schema: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' } } } })
  async subscribe(
    @Body() body: unknown,
  ): Promise<{ id: string; url: string; status: 'subscribed' | 'already-subscribed' }> {
    const url = feedUrlFrom(body);
    const existing = await getFeed(this.database.pool, feedIdFrom(url));
    if (existing?.active) return { id: existing.id, url, status: 'already-subscribed' };
    const event = feedSubscribed(url, new Date());
    await this.sink.publish([event]);
    return { id: event.data.feedId, url, status: 'subscribed' };
  }

  @Delete(':id')
  @HttpCode(202)
  @UseGuards(ApiKeyGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Unsubscribe a feed: it is no longer polled; its articles stay' })
  async unsubscribe(@Param('id') id: string): Promise<{ id: string; url: string; status: 'unsubscribed' }> {
    const feed = await getFeed(this.database.pool, id);
    if (!feed?.active) throw new NotFoundException(`feed ${id}: no such subscribed feed`);
    await this.sink.publish([feedUnsubscribed(feed.id, feed.url, new Date())]);
    return { id: feed.id, url: feed.url, status: 'unsubscribed' };
  }
}
