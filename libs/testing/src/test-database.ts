import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** postgres:// URL of the new database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, ending any sessions still on it. Calling it again does nothing. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Runs on the new, empty database before it is handed out: storage passes its migrator here. */
  readonly prepare?: (url: string) => Promise<void>;
  /** The server to create it on; default DATABASE_URL, which the int/e2e globalSetup always sets. */
  readonly serverUrl?: string;
}

/**
 * A fresh database `sitrep_test_<random>` of the caller's own on the DATABASE_URL server, so that test
 * files running in parallel never see each other's rows. Needs PostgreSQL 13+ (DROP … WITH (FORCE)).
 */
export const createTestDatabase = async ({
  prepare,
  serverUrl = process.env.DATABASE_URL,
}: TestDatabaseOptions = {}): Promise<TestDatabase> => {
  if (!serverUrl) {
    throw new Error(
      'TEST_DATABASE_UNAVAILABLE: expected DATABASE_URL, found none; it is set by libs/testing/src/global-setup.ts, ' +
        'so run database tests in the int or e2e jest project (*.int-spec.ts, test/*.e2e-spec.ts)',
    );
  }
  const name = `sitrep_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await onServer(serverUrl, (client) => client.query(`create database ${client.escapeIdentifier(name)}`));

  let dropping: Promise<void> | null = null;
  const drop = (): Promise<void> =>
    (dropping ??= onServer(serverUrl, async (client) => {
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    }));

  if (prepare) {
    try {
      await prepare(url.toString());
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url: url.toString(), name, drop };
};

const onServer = async <T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};
