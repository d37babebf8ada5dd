import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: run the shutdown hooks (the poller finishes its polls, the projector its
 * batch and commit, connections close), then exit 0. Nest's own enableShutdownHooks re-raises the
 * signal after the hooks, which ends the process by signal instead of with a clean exit code.
 */
export const closeOnSignals = (app: INestApplicationContext): void => {
  const logger = new Logger('Shutdown');
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing work in hand`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${(error as Error).message}`, (error as Error).stack);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
};
