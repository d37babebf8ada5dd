import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ArticlesController } from './articles/articles.controller';
import { EventsController } from './events/events.controller';
import { FeedsController } from './feeds/feeds.controller';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './problem.filter';

@Module({
  controllers: [HealthController, ArticlesController, EventsController, FeedsController],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class ApiModule {}
