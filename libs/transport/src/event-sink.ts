import type { PublishedSitrepEvent } from '@sitrep/events';

/**
 * Where the poller and the API write events. `publish` resolves only once the events are durable
 * (the Kafka brokers acknowledged them, or the log append committed) and rejects otherwise, so a
 * caller advances its own state only after success.
 */
export interface EventSink {
  publish(events: readonly PublishedSitrepEvent[]): Promise<void>;
  close(): Promise<void>;
}

export class TransportError extends Error {
  constructor(
    readonly code: 'TRANSPORT_UNAVAILABLE',
    readonly retriable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
    this.name = 'TransportError';
  }
}
