import type { PublishedSitrepEvent } from '@sitrep/events';
import type { Pool } from '@sitrep/storage';
import { appendEvents, createPool, inTransaction, logHead, migrate } from '@sitrep/storage';
import { createTestDatabase, testArticleIngested } from '@sitrep/testing';
import { execFile } from 'node:child_process';

// Issue 4, "Done when": a row of event_log changed by hand (its data, two rows swapped, one deleted)
// makes `audit verify` exit 1 and print that row's position; an intact log prints its head.

const article = (n: number): PublishedSitrepEvent =>
  testArticleIngested(n, {
    idPrefix: 'audit',
    version: 2,
    time: `2024-11-${String(20 + n).padStart(2, '0')}T08:00:00.000Z`,
    publishedAt: '2024-11-28T08:00:00.000Z',
    feedUrl: 'https://wire.test/rss',
    outlet: 'Wire',
    title: `Report ${n}`,
    text: `At least ${n * 10} people were killed, the monitor said.`,
    authors: [`Reporter ${n}`],
  });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `sitrep audit verify …` as an auditor runs it: a child process on the database's URL. */
const auditVerify = (databaseUrl: string, ...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './scripts/register.mjs', 'apps/cli/src/main.ts', 'audit', 'verify', ...args],
      { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });

describe('sitrep audit verify', () => {
  const EVENTS = 7;
  let pool: Pool;
  let url: string;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const database = await createTestDatabase();
    ({ url, drop } = database);
    pool = createPool(url);
    await migrate(pool);
    // Two appends, so that the chain runs across transactions as it does in production.
    await inTransaction(pool, (client) => appendEvents(client, [1, 2, 3].map(article)));
    await inTransaction(pool, (client) =>
      appendEvents(
        client,
        Array.from({ length: EVENTS - 3 }, (_, i) => article(i + 4)),
      ),
    );
  });
  afterEach(async () => {
    await pool.end();
    await drop();
  });

  it('prints the head and exits 0 when the log is intact', async () => {
    const head = await logHead(pool);
    const run = await auditVerify(url);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toBe(`chain intact: ${EVENTS} events; head position ${EVENTS} hash ${head.hash}\n`);
  }, 60_000);

  it('exits 1 and names the position of an event whose data was changed', async () => {
    await pool.query(
      `update event_log set envelope = jsonb_set(envelope, '{data,text}', '"Nobody was killed."') where position = 3`,
    );
    const run = await auditVerify(url, '--batch-size', '2');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^chain broken at position 3 \(altered\): event \S+ does not chain to position 2/);
  }, 60_000);

  it('exits 1 at the first of two rows swapped', async () => {
    // Positions are a primary key: swap through a free one.
    await pool.query('update event_log set position = -1 where position = 2');
    await pool.query('update event_log set position = 2 where position = 5');
    await pool.query('update event_log set position = 5 where position = -1');
    const run = await auditVerify(url);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^chain broken at position 2 \(altered\):.*moved here from another position/);
  }, 60_000);

  it('exits 1 at the first of two rows whose contents were swapped, hashes left in place', async () => {
    await pool.query(
      `with a as (select * from event_log where position = 4), b as (select * from event_log where position = 6)
       update event_log t set id = 'tmp-' || s.id, type = s.type, subject = s.subject, time = s.time, envelope = s.envelope
       from (select 4 as at, b.* from b union all select 6 as at, a.* from a) s where t.position = s.at`,
    );
    await pool.query(`update event_log set id = substr(id, 5) where id like 'tmp-%'`);
    const run = await auditVerify(url);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^chain broken at position 4 \(altered\)/);
  }, 60_000);

  it.each([
    [4, 'position 4 missing: the log jumps from 3 to 5'],
    [1, 'position 1 missing: the log jumps from 0 to 2'],
  ])(
    'exits 1 and names position %i when that row was deleted',
    async (position, detail) => {
      await pool.query('delete from event_log where position = $1', [position]);
      const run = await auditVerify(url, '--batch-size=3');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(`chain broken at position ${position} (removed): ${detail}\n`);
    },
    60_000,
  );

  it('exits 1 when a row was deleted and the rest renumbered to hide the gap', async () => {
    await pool.query('delete from event_log where position = 4');
    await pool.query('update event_log set position = position - 1 where position > 4');
    const run = await auditVerify(url);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^chain broken at position 4 \(altered\)/);
  }, 60_000);

  it('exits 1 when a copied column was edited alone, since the hash covers the envelope', async () => {
    await pool.query(`update event_log set subject = 'a_other' where position = 6`);
    const run = await auditVerify(url);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^chain broken at position 6 \(mismatched-columns\): event \S+: column subject disagrees/,
    );
  }, 60_000);

  it('checks a pinned head: still there after appends, missing once the tail is cut', async () => {
    const pinned = await logHead(pool);
    await inTransaction(pool, (client) => appendEvents(client, [article(8)]));
    const later = await auditVerify(url, '--expect-head', `${pinned.position}:${pinned.hash}`);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(`pinned head ${pinned.position}:${pinned.hash} is in the chain`);

    await pool.query('delete from event_log where position >= $1', [pinned.position]);
    // Without the pin, a log cut at its end is a shorter, intact chain: that is what pinning is for.
    expect((await auditVerify(url)).code).toBe(0);
    const cut = await auditVerify(url, '--expect-head', `${pinned.position}:${pinned.hash}`);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toBe(
      `chain broken at position ${pinned.position} (pin-beyond-end): the pinned head is at position ${pinned.position}, the log ends at ${pinned.position - 1}: events were removed from its end\n`,
    );
  }, 90_000);

  it('rejects a malformed pin with exit 2', async () => {
    const run = await auditVerify(url, '--expect-head', '7:nothex');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected POSITION:HASH');
  }, 60_000);
});
