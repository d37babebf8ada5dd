import { loadConfig } from '@sitrep/config';
import type { PublishedSitrepEvent } from '@sitrep/events';
import { articlesProjection } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { createPool, migrate } from '@sitrep/storage';
import { createTestDatabase, testArticleIngested, uniqueName, waitFor } from '@sitrep/testing';
import type { Kafka } from 'kafkajs';
import { kafkaFrom, topicsOf } from './kafka-client';
import { KafkaRunner } from './kafka-runner';
import { rebuildProjections } from './rebuild-projections';

// Issue 4, "Done when": a replay from a time in Kafka mode starts at the right offsets.

const BASE_MS = Date.parse('2024-11-29T00:00:00.000Z');
const MINUTE_MS = 60_000;

const article = (n: number): PublishedSitrepEvent =>
  testArticleIngested(n, {
    idPrefix: 'kafka-replay',
    time: new Date(BASE_MS + n * MINUTE_MS).toISOString(),
    publishedAt: null,
    text: `Text ${n}`,
  });

describe('replay from Kafka (distributed mode)', () => {
  const EVENTS = 8;
  let pool: Pool;
  let drop: () => Promise<void>;
  let kafka: Kafka;
  let topics: string[];
  let articlesTopic: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pool = createPool(database.url);
    await migrate(pool);
    articlesTopic = uniqueName('replay-articles');
    const config = loadConfig({
      DATABASE_URL: database.url,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
      KAFKA_IDEMPOTENT: process.env.KAFKA_IDEMPOTENT,
      SITREP_ARTICLES_TOPIC: articlesTopic,
      SITREP_FEEDS_TOPIC: uniqueName('replay-feeds'),
      SITREP_PROJECTOR_GROUP: uniqueName('replay-projector'),
      KAFKA_REQUEST_TIMEOUT_MS: '5000',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
    });
    kafka = kafkaFrom(config);
    topics = topicsOf(config);
    // Article n is produced at BASE + n minutes, to partition n % 2: partition 0 holds 0, 2, 4, 6 and
    // partition 1 holds 1, 3, 5, 7, each at offsets 0 to 3.
    const producer = kafka.producer({ allowAutoTopicCreation: true, idempotent: false, maxInFlightRequests: 1 });
    await producer.connect();
    for (let n = 0; n < EVENTS; n += 1) {
      await producer.send({
        topic: articlesTopic,
        acks: -1,
        messages: [
          {
            key: `a_${n}`,
            partition: n % 2,
            timestamp: String(BASE_MS + n * MINUTE_MS),
            value: JSON.stringify(article(n)),
          },
        ],
      });
    }
    await producer.disconnect();
    const live = new KafkaRunner(kafka, pool, [articlesProjection], config);
    await live.start();
    await waitFor(
      async () => (await pool.query<{ n: number }>('select count(*)::int as n from articles')).rows[0]?.n === EVENTS,
      { what: `the live projector to apply ${EVENTS} articles`, timeoutMs: 30_000 },
    );
    await live.stop();
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await drop();
  });

  const ids = async (): Promise<string[]> =>
    (await pool.query<{ id: string }>('select id from articles order by id')).rows.map((row) => row.id);

  it('starts each partition at the first offset whose timestamp is at or after --from-time', async () => {
    await pool.query('delete from articles');

    const outcome = await rebuildProjections(pool, [articlesProjection], {
      liveConsumer: null,
      kafka: { kafka, topics },
      fromTime: new Date(BASE_MS + 3 * MINUTE_MS).toISOString(),
    });

    const ranges = outcome.kafka?.partitions.filter((range) => range.topic === articlesTopic);
    expect(ranges?.map(({ partition, from, to }) => ({ partition, from, to }))).toEqual([
      { partition: 0, from: 2, to: 4 }, // articles 4 and 6
      { partition: 1, from: 1, to: 4 }, // articles 3, 5 and 7
      { partition: 2, from: 0, to: 0 },
      { partition: 3, from: 0, to: 0 },
    ]);
    expect(outcome).toMatchObject({ source: 'kafka', events: 5, deadLettered: 0, upTo: EVENTS });
    expect(outcome.kafka?.notLogged).toBe(0);
    expect(await ids()).toEqual(['a_3', 'a_4', 'a_5', 'a_6', 'a_7']);
  }, 60_000);

  it('reads every partition from its beginning without --from-time, and applies the events in log order', async () => {
    await pool.query(`update articles set title = 'tampered'`);

    const outcome = await rebuildProjections(pool, [articlesProjection], {
      liveConsumer: null,
      kafka: { kafka, topics },
    });

    expect(outcome.kafka?.partitions.filter((r) => r.topic === articlesTopic).map((r) => [r.from, r.to, r.by])).toEqual(
      [
        [0, 4, 'beginning'],
        [0, 4, 'beginning'],
        [0, 0, 'beginning'],
        [0, 0, 'beginning'],
      ],
    );
    expect(outcome).toMatchObject({ events: EVENTS, upTo: EVENTS });
    // Each article row names the log position of its own event, which came from event_log by id.
    const { rows } = await pool.query<{ title: string; subject: string }>(
      'select a.title, e.subject from articles a join event_log e on e.position = a.event_position order by a.id',
    );
    expect(rows).toEqual(Array.from({ length: EVENTS }, (_, n) => ({ title: `Title ${n}`, subject: `a_${n}` })));
  }, 60_000);
});
