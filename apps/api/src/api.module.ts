import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ArticlesController } from './articles/articles.controller';
import { AuditController } from './audit/audit.controller';
import { EventsController } from './events/events.controller';
import { FactsController } from './facts/facts.controller';
import { FeedsController } from './feeds/feeds.controller';
import { HealthController } from './health/health.controller';
import { OffensiveController } from './offensive/offensive.controller';
import { ProblemFilter } from './problem.filter';

@Module({
  controllers: [
    HealthController,
    ArticlesController,
    FactsController,
    OffensiveController,
    EventsController,
    FeedsController,
    AuditController,
  ],
  providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
})
export class ApiModule {}
