import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Pool, PoolClient, Queryable } from '@sitrep/storage';

// Every schema a rebuild builds in starts so; one left behind by a crashed rebuild is dropped by the
// next one, which holds REBUILD_LOCK and so knows that no other rebuild is using it.
const SCRATCH_PREFIX = 'sitrep_rebuild_';
// Session-level advisory lock held by a replay or a verify for its whole run: one at a time.
const REBUILD_LOCK = 7_413_003;

/** Double-quotes an identifier for SQL. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const scratchSchemaName = (purpose: 'replay' | 'verify'): string =>
  `${SCRATCH_PREFIX}${purpose}_${randomBytes(4).toString('hex')}`;

export class RebuildError extends Error {
  constructor(
    readonly code: 'REBUILD_BUSY' | 'REBUILD_SWAP_TIMEOUT',
    readonly retriable: boolean,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RebuildError';
  }
}

/**
 * Takes the rebuild lock on a connection of its own and drops the scratch schemas that crashed
 * rebuilds left behind; resolves to the function that releases the lock.
 */
export const holdRebuildLock = async (pool: Pool): Promise<() => Promise<void>> => {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
      REBUILD_LOCK,
    ]);
    if (!rows[0]?.locked)
      throw new RebuildError('REBUILD_BUSY', true, 'expected no other replay or verify running, found one');
    const { rows: stale } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like $1`,
      [`${SCRATCH_PREFIX}%`],
    );
    for (const { name } of stale) await client.query(`drop schema if exists ${quoteIdent(name)} cascade`);
  } catch (error) {
    client.release();
    throw error;
  }
  return async () => {
    try {
      await client.query('select pg_advisory_unlock($1)', [REBUILD_LOCK]);
    } finally {
      client.release();
    }
  };
};

interface IndexRow {
  name: string;
  definition: string;
}

const indexesOf = async (db: Queryable, schema: string, table: string): Promise<IndexRow[]> => {
  const { rows } = await db.query<IndexRow>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = $1::regclass order by c.relname`,
    [`${quoteIdent(schema)}.${quoteIdent(table)}`],
  );
  // "CREATE UNIQUE INDEX feeds_url_key ON public.feeds USING btree (url)" → "UNIQUE|USING btree (url)"
  return rows.map((row) => ({
    name: row.name,
    definition: row.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, (_, unique) => `${unique ?? ''}|`),
  }));
};

/**
 * Creates `schema` holding empty copies of the public tables (columns, defaults, constraints, indexes).
 * `create table … (like …)` names the copied indexes by PostgreSQL's default rule; they are renamed
 * to the names the public ones have, so that a swapped-in table looks to later migrations exactly
 * like the one the migrations created. `deadLetters` also gives the schema its own dead_letters
 * table, so that a rebuild that must leave the database as it found it (verify) parks events there.
 */
export const createScratchTables = async (
  pool: Pool,
  schema: string,
  tables: readonly string[],
  { deadLetters = false }: { deadLetters?: boolean } = {},
): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`create schema ${quoteIdent(schema)}`);
    for (const table of [...tables, ...(deadLetters ? ['dead_letters'] : [])]) {
      await client.query(
        `create table ${quoteIdent(schema)}.${quoteIdent(table)} (like public.${quoteIdent(table)} including all)`,
      );
      const wanted = await indexesOf(client, 'public', table);
      const made = await indexesOf(client, schema, table);
      const renames: { from: string; to: string }[] = [];
      for (const index of made) {
        const match = wanted.findIndex((w) => w.definition === index.definition);
        if (match < 0) continue;
        const [original] = wanted.splice(match, 1);
        if (original && original.name !== index.name) renames.push({ from: index.name, to: original.name });
      }
      // Through temporary names: a generated name may be another index's original one.
      for (const [i, { from }] of renames.entries())
        await client.query(`alter index ${quoteIdent(schema)}.${quoteIdent(from)} rename to ${quoteIdent(`tmp_${i}`)}`);
      for (const [i, { to }] of renames.entries())
        await client.query(`alter index ${quoteIdent(schema)}.${quoteIdent(`tmp_${i}`)} rename to ${quoteIdent(to)}`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

export const dropScratchSchema = async (db: Queryable, schema: string): Promise<void> => {
  await db.query(`drop schema if exists ${quoteIdent(schema)} cascade`);
};

/** Makes the caller's transaction resolve unqualified table names in `schema` first, public next. */
export const searchScratchFirst = async (client: PoolClient, schema: string): Promise<void> => {
  await client.query(`set local search_path = ${quoteIdent(schema)}, public`);
};

/**
 * Takes ACCESS EXCLUSIVE locks on the public tables, giving up and trying again after `lockTimeoutMs`.
 * An API query that reads two of them may hold one while it waits for the other: waiting without a
 * timeout would deadlock with it, and PostgreSQL would abort one of the two, possibly the request.
 * Giving up first lets the request go on; its locks are released when its statement ends.
 */
const lockPublicTables = async (
  client: PoolClient,
  tables: readonly string[],
  { lockTimeoutMs = 200, attempts = 100 }: { lockTimeoutMs?: number; attempts?: number } = {},
): Promise<void> => {
  const list = tables.map((table) => `public.${quoteIdent(table)}`).join(', ');
  for (let attempt = 1; ; attempt += 1) {
    await client.query('savepoint lock_tables');
    try {
      await client.query(`set local lock_timeout = ${Math.round(lockTimeoutMs)}`);
      await client.query(`lock table ${list} in access exclusive mode`);
      await client.query('release savepoint lock_tables');
      return;
    } catch (error) {
      // Rolling back to the savepoint releases the locks taken after it.
      await client.query('rollback to savepoint lock_tables');
      const lockNotAvailable = (error as { code?: unknown }).code === '55P03';
      if (!lockNotAvailable) throw error;
      if (attempt >= attempts)
        throw new RebuildError(
          'REBUILD_SWAP_TIMEOUT',
          true,
          `expected to lock ${list} within ${attempts} attempts of ${lockTimeoutMs} ms, found them always in use`,
        );
      await delay(Math.round(Math.random() * 20 * Math.min(attempt, 10)));
    }
  }
};

/**
 * Replaces the public tables with the scratch ones in the caller's transaction: readers see the old
 * tables until it commits, the new ones from then on. A query waiting for the lock resolves the
 * table's name again once it gets it, so it reads the new table.
 */
export const swapIntoPublic = async (client: PoolClient, schema: string, tables: readonly string[]): Promise<void> => {
  await lockPublicTables(client, [...tables].sort());
  for (const table of tables) {
    // No cascade: a view on a read model must be dropped and made again by a migration, not silently lost.
    await client.query(`drop table public.${quoteIdent(table)}`);
    await client.query(`alter table ${quoteIdent(schema)}.${quoteIdent(table)} set schema public`);
  }
};
