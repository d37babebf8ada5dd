import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// jest loads globalSetup as CommonJS outside its own runtime, so neither moduleNameMapper nor the
// @sitrep/* aliases apply here: the one lib this needs is imported by path.
import { startEmbeddedPostgres } from '../../storage/src/embedded-postgres';
import { globalServers, stopGlobalServers } from './global-servers';
import { startMockKafka } from './mock-kafka';

/**
 * Gives the int and e2e workers a PostgreSQL server and a Kafka-protocol broker: DATABASE_URL and
 * KAFKA_BROKERS when set, otherwise an embedded PostgreSQL in a temp folder and librdkafka's mock
 * cluster. Workers are forked after this runs, so they inherit the environment set here. jest calls
 * it once per project; the second call finds the variables set and starts nothing.
 */
export default async function setup(): Promise<void> {
  const servers = globalServers();
  try {
    if (!process.env.DATABASE_URL) {
      const tempDir = await mkdtemp(join(tmpdir(), 'sitrep-test-pg-'));
      // mkdtemp makes it 0700; as root, PostgreSQL runs as `postgres`, which must get through it.
      await chmod(tempDir, 0o755);
      const server = await startEmbeddedPostgres({ dataDir: join(tempDir, 'data') });
      servers.postgres = { server, tempDir };
      process.env.DATABASE_URL = server.url;
    }
    if (!process.env.KAFKA_BROKERS) {
      const kafka = await startMockKafka();
      servers.kafka = kafka;
      process.env.KAFKA_BROKERS = kafka.brokers;
      // The mock cluster cannot run an idempotent producer.
      process.env.KAFKA_IDEMPOTENT = 'false';
    }
  } catch (error) {
    // jest skips globalTeardown when globalSetup throws: stop what already runs before failing.
    await stopGlobalServers().catch((stopError: unknown) =>
      console.error('stopping the test servers failed too:', stopError),
    );
    throw error;
  }
}
