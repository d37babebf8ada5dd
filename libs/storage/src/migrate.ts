import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from './pool';
import { inTransaction } from './pool';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK = 7_413_001;

export interface MigrationOutcome {
  applied: string[];
  current: number;
}

/**
 * Applies the versioned files of migrations/ (NNN_name.sql) that the database has not seen, each in
 * its own transaction. An advisory lock makes apps that start together take turns.
 */
export const migrate = async (pool: Pool): Promise<MigrationOutcome> => {
  const files = (await readdir(MIGRATIONS_DIR)).filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file)).sort();
  return inTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `create table if not exists schema_migrations (
         version integer primary key, name text not null, applied_at timestamptz not null default now())`,
    );
    const { rows } = await client.query<{ version: number }>('select version from schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const applied: string[] = [];
    for (const file of files) {
      const version = Number(file.slice(0, 3));
      if (done.has(version)) continue;
      await client.query(await readFile(join(MIGRATIONS_DIR, file), 'utf8'));
      await client.query('insert into schema_migrations (version, name) values ($1, $2)', [version, file]);
      applied.push(file);
    }
    return { applied, current: Math.max(0, ...files.map((file) => Number(file.slice(0, 3)))) };
  });
};
