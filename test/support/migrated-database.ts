import type { Pool } from '@sitrep/storage';
import { createPool, migrate } from '@sitrep/storage';
import { createTestDatabase } from '@sitrep/testing';

export interface MigratedDatabase {
  readonly url: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/** A fresh database of this test file's own, migrated, with a pool on it. */
export const migratedDatabase = async (): Promise<MigratedDatabase> => {
  const database = await createTestDatabase({
    prepare: async (url) => {
      const pool = createPool(url, 1);
      await migrate(pool);
      await pool.end();
    },
  });
  const pool = createPool(database.url);
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
};
