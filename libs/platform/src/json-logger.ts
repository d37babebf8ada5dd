import type { LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { pino } from 'pino';

/** Nest's Logger, written as one JSON line per entry by pino; the context is the class name. */
export class JsonLogger implements LoggerService {
  private readonly pino: Pino;

  constructor(level: string, destination?: NodeJS.WritableStream) {
    this.pino = pino(
      { level, base: { app: 'sitrep' }, timestamp: pino.stdTimeFunctions.isoTime },
      destination as never,
    );
  }

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    // Nest passes (message, stack, context) or (message, context).
    const [stack, ctx] = context === undefined ? [undefined, stackOrContext] : [stackOrContext, context];
    this.pino.error({ context: ctx, stack }, message instanceof Error ? message.message : String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.pino.fatal({ context }, String(message));
  }
}
