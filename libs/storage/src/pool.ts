import pg from 'pg';

/** PostgreSQL's timestamptz text ("2024-11-28 10:00:00.123456+00") as an ISO-8601 UTC string. */
export const isoFromTimestamptz = (value: string): string =>
  new Date(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString();

// Timestamps come back as ISO strings, not Dates, so that rows are plain JSON values everywhere.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, isoFromTimestamptz);
// bigint positions stay well inside 2^53 for any log this system will hold.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
export type Queryable = Pick<pg.Pool, 'query'>;

export const createPool = (connectionString: string, max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // An idle client whose server went away emits 'error'; without a listener Node would crash.
  pool.on('error', () => undefined);
  return pool;
};

/** Runs `work` in one transaction opened by `begin`: committed when it resolves, rolled back when it throws. */
const transaction = async <T>(
  pool: pg.Pool,
  begin: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export const inTransaction = <T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
  transaction(pool, 'begin', work);

/**
 * Runs read-only queries on one consistent view of `tables`: share locks first, then a repeatable-read
 * snapshot (LOCK takes none; the first query does, after the locks are held). A replay swaps tables
 * under exclusive locks, so its swap lands entirely before or after the work, never in the middle.
 */
export const inReadSnapshot = <T>(
  pool: pg.Pool,
  tables: readonly string[],
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> =>
  transaction(pool, 'begin transaction isolation level repeatable read read only', async (client) => {
    if (tables.length > 0) await client.query(`lock table ${tables.join(', ')} in access share mode`);
    return work(client);
  });
