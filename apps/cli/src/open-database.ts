import type { Config } from '@sitrep/config';
import type { Pool } from '@sitrep/storage';
import { createPool, migrate, runningEmbeddedPostgresUrl, startEmbeddedPostgres } from '@sitrep/storage';
import { join } from 'node:path';

export interface OpenDatabase {
  readonly pool: Pool;
  close(): Promise<void>;
}

/**
 * The database the apps use: DATABASE_URL, else the embedded server of the data folder: the one an
 * `npm start` is running, or one started for the command's duration. Migrated, so that a command
 * works on a fresh installation too.
 */
export const openDatabase = async (config: Config): Promise<OpenDatabase> => {
  const dataDir = join(config.dataDir, 'postgres');
  const running = config.databaseUrl === null ? await runningEmbeddedPostgresUrl(dataDir) : null;
  const embedded = config.databaseUrl === null && running === null ? await startEmbeddedPostgres({ dataDir }) : null;
  const pool = createPool(config.databaseUrl ?? running ?? embedded?.url ?? '');
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    pool,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
};
