import { loadConfig } from '@sitrep/config';
import { uniqueName } from '@sitrep/testing';
import { ensureTopics, kafkaFrom } from './kafka-client';

describe('ensureTopics', () => {
  it('reports a broker it cannot reach instead of failing the start', async () => {
    const kafka = kafkaFrom(loadConfig({ KAFKA_BROKERS: '127.0.0.1:1', KAFKA_REQUEST_TIMEOUT_MS: '500' }));
    const outcome = await ensureTopics(kafka, [uniqueName('topic')]);
    expect(outcome).toEqual(
      expect.objectContaining({ status: 'not-created', reason: expect.stringMatching(/ECONNREFUSED|connect/i) }),
    );
  }, 60_000);

  it('leaves topics usable on the test broker, created there or auto-created on first use', async () => {
    const config = loadConfig({
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
      KAFKA_IDEMPOTENT: process.env.KAFKA_IDEMPOTENT,
    });
    const kafka = kafkaFrom(config);
    const topic = uniqueName('topic');
    const outcome = await ensureTopics(kafka, [topic]);
    expect(outcome.topics).toEqual([topic]);
    const producer = kafka.producer({ idempotent: config.kafka.idempotentProducer, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'v' }] });
    await producer.disconnect();
    expect((await ensureTopics(kafka, [topic])).status).toBe('existing');
  }, 60_000);
});
