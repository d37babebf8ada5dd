import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EmbeddedPostgres } from './embedded-postgres';
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres } from './embedded-postgres';

const query = async (url: string, sql: string): Promise<pg.QueryResultRow[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

// Starts its own cluster even when DATABASE_URL points at a server: this is the code under test.
describe('startEmbeddedPostgres', () => {
  let tempDir: string;
  let dataDir: string;
  let server: EmbeddedPostgres | undefined;

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'sitrep-embedded-pg-'));
    // As root the server runs as `postgres`, which must be able to get through mkdtemp's 0700 folder.
    await chmod(tempDir, 0o755);
    dataDir = join(tempDir, 'data');
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  afterAll(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  it('initialises a cluster in an absent folder and serves queries on a free port', async () => {
    server = await startEmbeddedPostgres({ dataDir });

    expect(server.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await query(server.url, 'create table kept (value text); insert into kept values ($$survives a restart$$)');
  });

  it('reuses the cluster of a folder it already initialised, with its data', async () => {
    server = await startEmbeddedPostgres({ dataDir });

    expect(await query(server.url, 'select value from kept')).toEqual([{ value: 'survives a restart' }]);
  });

  it('starts after a crash left a postmaster.pid naming a process that is not postgres', async () => {
    // PID 1 is alive but is no server of this folder: PostgreSQL alone would refuse to start.
    await writeFile(join(dataDir, 'postmaster.pid'), `1\n${dataDir}\n0\n5432\n\n127.0.0.1\n0 0\nready\n`);
    server = await startEmbeddedPostgres({ dataDir });

    expect(await query(server.url, 'select count(*)::int as n from kept')).toEqual([{ n: 1 }]);
  });

  it('refuses a second server on a folder whose server is running', async () => {
    server = await startEmbeddedPostgres({ dataDir });

    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/EMBEDDED_POSTGRES_RUNNING/);
  });

  it('finds the server running on a folder, so that a command can work beside the app', async () => {
    expect(await runningEmbeddedPostgresUrl(dataDir)).toBeNull();
    server = await startEmbeddedPostgres({ dataDir });
    const url = await runningEmbeddedPostgresUrl(dataDir);
    expect(url).toBe(server.url);
    expect(await query(url ?? '', 'select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('refuses a folder that holds something other than a cluster', async () => {
    const other = join(tempDir, 'other');
    await rm(other, { recursive: true, force: true });
    await mkdir(other);
    await writeFile(join(other, 'notes.txt'), 'not a database');

    await expect(startEmbeddedPostgres({ dataDir: other })).rejects.toThrow(
      /EMBEDDED_POSTGRES_DATA_DIR.*found other files/,
    );
  });

  it('stops: the port no longer accepts connections', async () => {
    const started = await startEmbeddedPostgres({ dataDir });
    await started.stop();

    await expect(query(started.url, 'select 1')).rejects.toThrow(/ECONNREFUSED/);
  });
});
