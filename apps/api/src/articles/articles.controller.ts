import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ArticleDetail, ArticleSummary, FactView } from '@sitrep/projections';
import { factsOfArticle, getArticle, listArticles } from '@sitrep/projections';
import { Database } from '@sitrep/platform';
import { integerParam, optionalStringParam } from '../query-params';

@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly database: Database) {}

  @Get()
  @ApiOperation({ summary: 'Articles, newest first (publication time, else ingestion time), cursor-paginated' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({
    name: 'cursor',
    required: false,
    schema: { type: 'string' },
    description: 'nextCursor of the previous page',
  })
  @ApiOkResponse({ description: '{ items, nextCursor }' })
  async list(
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
    return listArticles(this.database.pool, {
      limit: integerParam('limit', limit, { min: 1, max: 200, fallback: 50 }),
      cursor: optionalStringParam('cursor', cursor, 500),
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One article with its text and the facts read out of it' })
  async one(@Param('id') id: string): Promise<ArticleDetail & { facts: FactView[] }> {
    const found = await this.database.readModels(async (db) => {
      const article = await getArticle(db, id);
      return article && { ...article, facts: await factsOfArticle(db, id) };
    });
    if (!found) throw new NotFoundException(`article ${id}: not found`);
    return found;
  }
}
