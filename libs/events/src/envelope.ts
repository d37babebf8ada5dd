import { createHash } from 'node:crypto';

/**
 * A CloudEvents 1.0 envelope (JSON format). `dataversion` is a CloudEvents extension attribute
 * naming the version of `data`'s shape; `dataschema` names the same thing as a URN so that
 * consumers in other languages can pick a schema without knowing our conventions.
 */
export interface Envelope<TType extends string = string, TVersion extends number = number, TData = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly type: TType;
  readonly source: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  readonly dataversion: TVersion;
  readonly data: TData;
}

export const EVENT_SOURCE = 'urn:sitrep';

export const dataschemaOf = (type: string, version: number): string => `urn:sitrep:schema:${type}:v${version}`;

/** A deterministic event id: the same parts give the same id, so re-emitting an event is a no-op. */
export const deterministicEventId = (...parts: readonly string[]): string => {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Formatted as a UUID (version nibble 8: "custom") so that tools expecting UUIDs accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export class EventShapeError extends Error {
  readonly code = 'EVENT_MALFORMED';
  readonly retriable = false;
  constructor(message: string) {
    super(`EVENT_MALFORMED: ${message}`);
    this.name = 'EventShapeError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the envelope's shape at the boundary (Kafka message, log row); `data` is checked by its event's parser. */
export const parseEnvelope = (value: unknown): Envelope => {
  if (!isRecord(value))
    throw new EventShapeError(`expected a JSON object, found ${JSON.stringify(value)?.slice(0, 80)}`);
  const problems: string[] = [];
  if (value.specversion !== '1.0')
    problems.push(`specversion: expected "1.0", found ${JSON.stringify(value.specversion)}`);
  for (const key of ['id', 'type', 'source', 'subject', 'time', 'dataschema'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') problems.push(`${key}: expected a non-empty string`);
  }
  if (typeof value.time === 'string' && Number.isNaN(Date.parse(value.time)))
    problems.push('time: expected an ISO-8601 time');
  if (!Number.isInteger(value.dataversion)) problems.push('dataversion: expected an integer');
  if (!isRecord(value.data)) problems.push('data: expected a JSON object');
  if (problems.length > 0) throw new EventShapeError(problems.join('; '));
  return { ...(value as unknown as Envelope), datacontenttype: 'application/json' };
};
