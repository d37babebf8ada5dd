import type { Consumer, Producer } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import type { MockKafka } from './mock-kafka';
import { startMockKafka, uniqueName } from './mock-kafka';
import { waitFor } from './wait-for';

// Joining a consumer group takes kafkajs a few seconds.
const TIMEOUT_MS = 60_000;

// Its own cluster, not the one from globalSetup: pausing it must not stall other test files.
describe('startMockKafka', () => {
  let cluster: MockKafka;
  let kafka: Kafka;
  let producer: Producer;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    cluster = await startMockKafka();
    kafka = new Kafka({
      clientId: 'mock-kafka-spec',
      brokers: [cluster.brokers],
      logLevel: logLevel.NOTHING,
      requestTimeout: 1_000,
      retry: { retries: 0 },
    });
    producer = kafka.producer({ idempotent: false, allowAutoTopicCreation: true });
    await producer.connect();
  }, TIMEOUT_MS);

  afterAll(async () => {
    cluster?.resume();
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await producer?.disconnect();
    await cluster?.stop();
  }, TIMEOUT_MS);

  const readAll = async (topic: string, expected: string[]): Promise<string[]> => {
    const consumer = kafka.consumer({ groupId: uniqueName('mock-kafka-spec'), retry: { retries: 5 } });
    consumers.push(consumer);
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
    return waitFor(() => expected.every((value) => seen.includes(value)) && seen, {
      timeoutMs: 30_000,
      what: `messages ${expected.join(', ')} on ${topic}`,
    });
  };

  it(
    'carries messages from a kafkajs producer to a kafkajs consumer group',
    async () => {
      const topic = uniqueName('mock-kafka-spec');
      await producer.send({
        topic,
        messages: [
          { key: 'a', value: 'first' },
          { key: 'b', value: 'second' },
        ],
      });

      expect((await readAll(topic, ['first', 'second'])).sort()).toEqual(['first', 'second']);
    },
    TIMEOUT_MS,
  );

  it(
    'times a produce out while paused, and accepts produces again after resume with its data kept',
    async () => {
      const topic = uniqueName('mock-kafka-spec');
      await producer.send({ topic, messages: [{ key: 'k', value: 'before the outage' }] });

      cluster.pause();
      await expect(producer.send({ topic, messages: [{ key: 'k', value: 'during the outage' }] })).rejects.toThrow(
        /timed? ?out/i,
      );
      cluster.resume();

      await waitFor(() => producer.send({ topic, messages: [{ key: 'k', value: 'after the outage' }] }), {
        timeoutMs: 15_000,
        what: 'a produce to succeed after resume',
      });
      const seen = await readAll(topic, ['before the outage', 'after the outage']);
      expect(seen).toEqual(expect.arrayContaining(['before the outage', 'after the outage']));
    },
    TIMEOUT_MS,
  );
});
