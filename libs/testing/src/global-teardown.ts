import { stopGlobalServers } from './global-servers';

/** Stops what globalSetup started; servers given through DATABASE_URL or KAFKA_BROKERS are left alone. */
export default async function teardown(): Promise<void> {
  await stopGlobalServers();
}
