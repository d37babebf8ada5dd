import { rm } from 'node:fs/promises';
import type { EmbeddedPostgres } from '../../storage/src/embedded-postgres';
import type { MockKafka } from './mock-kafka';

/** What globalSetup started, for globalTeardown: both run in jest's parent process. */
export interface GlobalServers {
  postgres?: { server: EmbeddedPostgres; tempDir: string };
  kafka?: MockKafka;
}

const KEY = Symbol.for('sitrep.testing.globalServers');

export const globalServers = (): GlobalServers => {
  const holder = globalThis as { [KEY]?: GlobalServers };
  return (holder[KEY] ??= {});
};

/** Stops what globalSetup started and unsets the variables that pointed at it (watch mode sets up again). */
export const stopGlobalServers = async (): Promise<void> => {
  const servers = globalServers();
  const { postgres, kafka } = servers;
  delete servers.postgres;
  delete servers.kafka;
  if (postgres) delete process.env.DATABASE_URL;
  if (kafka) {
    delete process.env.KAFKA_BROKERS;
    delete process.env.KAFKA_IDEMPOTENT;
  }
  const outcomes = await Promise.allSettled([
    kafka?.stop(),
    postgres &&
      (async () => {
        await postgres.server.stop();
        await rm(postgres.tempDir, { recursive: true, force: true });
      })(),
  ]);
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'stopping the test servers failed');
};
