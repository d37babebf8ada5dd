import type { Config } from '@sitrep/config';
import type { Pool } from '@sitrep/storage';
import { createPool, migrate, startEmbeddedPostgres } from '@sitrep/storage';
import { join } from 'node:path';

export interface OpenDatabase {
  readonly pool: Pool;
  close(): Promise<void>;
}

/**
 * The database the apps use: DATABASE_URL, else the embedded server's data folder, started for the
 * command's duration. Migrated, so that a command works on a fresh installation too.
 */
export const openDatabase = async (config: Config): Promise<OpenDatabase> => {
  const embedded =
    config.databaseUrl === null ? await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') }) : null;
  const pool = createPool(config.databaseUrl ?? embedded?.url ?? '');
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
