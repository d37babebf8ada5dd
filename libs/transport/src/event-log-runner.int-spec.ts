import type { PublishedSitrepEvent, StoredEvent } from '@sitrep/events';
import type { Projection } from '@sitrep/projections';
import { articlesProjection, sql } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { appendEvents, createPool, inTransaction, migrate } from '@sitrep/storage';
import { createTestDatabase, testArticleIngested, waitFor } from '@sitrep/testing';
import { EventLogRunner } from './event-log-runner';
import { EventLogSink } from './event-log-sink';

const article = (n: number, text = `Body ${n}`): PublishedSitrepEvent => testArticleIngested(n, { text });

/** Records the order in which the runner applied positions, to prove none is skipped or repeated. */
const orderRecorder: Projection = {
  name: 'order',
  tables: ['applied_order'],
  evolve: ({ position }: StoredEvent) => [sql('insert into applied_order (position) values ($1)', position)],
};

describe('EventLogRunner over the PostgreSQL event log', () => {
  let url: string;
  let drop: () => Promise<void>;
  let pool: Pool;

  beforeEach(async () => {
    ({ url, drop } = await createTestDatabase());
    pool = createPool(url);
    await migrate(pool);
    await pool.query('create table applied_order (n bigserial primary key, position bigint not null)');
  });
  afterEach(async () => {
    await pool.end();
    await drop();
  });

  it('applies every event once, in position order, while several writers append concurrently', async () => {
    const runner = new EventLogRunner(pool, [orderRecorder, articlesProjection], {
      consumer: 'test',
      batchSize: 7,
      idleMs: 50,
    });
    await runner.start();
    const writers = Array.from({ length: 4 }, () => createPool(url, 2));
    const perWriter = 60;
    await Promise.all(
      writers.map(async (writer, w) => {
        const sink = new EventLogSink(writer);
        for (let i = 0; i < perWriter; i += 3) {
          await sink.publish([0, 1, 2].map((k) => article(w * 1_000 + i + k)));
        }
      }),
    );
    const total = writers.length * perWriter;
    await waitFor(
      async () => Number((await pool.query('select count(*) as n from applied_order')).rows[0].n) === total,
      {
        timeoutMs: 20_000,
        what: `${total} events applied`,
      },
    );
    await runner.stop();
    await Promise.all(writers.map((writer) => writer.end()));
    const { rows } = await pool.query<{ position: number }>('select position from applied_order order by n');
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(Number((await pool.query('select count(*) as n from articles')).rows[0].n)).toBe(total);
  });

  it('is idempotent on event id, and a rolled-back append leaves no hole in the positions', async () => {
    const sink = new EventLogSink(pool);
    await sink.publish([article(1), article(2)]);
    await sink.publish([article(2), article(3)]);
    await expect(
      inTransaction(pool, async (client) => {
        await appendEvents(client, [article(4)]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await sink.publish([article(5)]);
    const { rows } = await pool.query<{ position: number; subject: string }>(
      'select position, subject from event_log order by position',
    );
    expect(rows).toEqual([
      { position: 1, subject: 'a_1' },
      { position: 2, subject: 'a_2' },
      { position: 3, subject: 'a_3' },
      { position: 4, subject: 'a_5' },
    ]);
  });

  it('parks a poison event and an event its projection cannot apply in dead_letters, and goes on', async () => {
    const sink = new EventLogSink(pool);
    await sink.publish([article(1)]);
    // A row whose envelope no longer parses (written by hand, as a damaged log would be).
    await pool.query(
      `insert into event_log (position, id, type, subject, time, envelope, hash)
       values (2, 'poison', 'sitrep.article.ingested', 'x', now(), '{"specversion":"1.0"}', 'x')`,
    );
    await sink.publish([article(3), article(4)]);
    const failing: Projection = {
      name: 'failing',
      tables: [],
      evolve: ({ event }) => (event.subject === 'a_3' ? [sql('select 1/0')] : []),
    };
    const runner = new EventLogRunner(pool, [failing, articlesProjection], { consumer: 'test', idleMs: 50 });
    expect(await runner.catchUp()).toBe(4);
    const letters = await pool.query<{ position: number; error: string }>(
      'select position, error from dead_letters order by position',
    );
    expect(letters.rows).toEqual([
      { position: 2, error: expect.stringContaining('EVENT_MALFORMED') },
      { position: 3, error: expect.stringContaining('division by zero') },
    ]);
    const { rows } = await pool.query<{ id: string }>('select id from articles order by id');
    expect(rows.map((row) => row.id)).toEqual(['a_1', 'a_4']);
  });
});
