import { createHash } from 'node:crypto';
import type { PublishedSitrepEvent, StoredEvent } from '@sitrep/events';
import { parseSitrepEvent, upcast } from '@sitrep/events';
import { canonicalJson } from './canonical-json';
import type { PoolClient, Queryable } from './pool';

export interface AppendOutcome {
  /** The events that were new, with their positions; an id already in the log is skipped. */
  readonly appended: StoredEvent[];
  readonly skipped: number;
}

// Serializes appenders across processes: positions are taken and committed one transaction at a
// time, so a reader that has seen position N never later finds N-1 committed, and a rolled-back
// append leaves no hole (positions are max + 1, not a sequence).
const APPEND_LOCK = 7_413_002;

/** Holds off every appender until the caller's transaction ends. */
export const lockAppends = async (client: PoolClient): Promise<void> => {
  await client.query('select pg_advisory_xact_lock($1)', [APPEND_LOCK]);
};
export const GENESIS_HASH = '0'.repeat(64);

export const chainHash = (previousHash: string, envelope: unknown): string =>
  createHash('sha256').update(previousHash).update(canonicalJson(envelope)).digest('hex');

/**
 * Appends events in the caller's transaction, as they were written (any published version: the log
 * is never upcast); the stored events returned are upcast, for projections. Idempotent on event id.
 * The lock is held until the caller commits, so keep the rest of that transaction short.
 */
export const appendEvents = async (
  client: PoolClient,
  events: readonly PublishedSitrepEvent[],
): Promise<AppendOutcome> => {
  if (events.length === 0) return { appended: [], skipped: 0 };
  await lockAppends(client);
  const ids = events.map((event) => event.id);
  const { rows: known } = await client.query<{ id: string }>('select id from event_log where id = any($1)', [ids]);
  const seen = new Set(known.map((row) => row.id));
  const { rows: head } = await client.query<{ position: number; hash: string }>(
    'select position, hash from event_log order by position desc limit 1',
  );
  let position = head[0]?.position ?? 0;
  let hash = head[0]?.hash ?? GENESIS_HASH;
  const fresh: { position: number; event: PublishedSitrepEvent; json: string; hash: string }[] = [];
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    position += 1;
    // Hashed from the very JSON that is stored, so that `audit verify`, which hashes what it reads
    // back, agrees: whatever JSON.stringify drops or converts (undefined, a Date) is gone from both.
    const json = JSON.stringify(event);
    hash = chainHash(hash, JSON.parse(json));
    fresh.push({ position, event, json, hash });
  }
  if (fresh.length === 0) return { appended: [], skipped: events.length };
  const { rows } = await client.query<{ position: number; recorded_at: string }>(
    `insert into event_log (position, id, type, subject, time, envelope, hash)
     select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[])
     returning position, recorded_at`,
    [
      fresh.map((row) => row.position),
      fresh.map((row) => row.event.id),
      fresh.map((row) => row.event.type),
      fresh.map((row) => row.event.subject),
      fresh.map((row) => row.event.time),
      fresh.map((row) => row.json),
      fresh.map((row) => row.hash),
    ],
  );
  const recordedAt = new Map(rows.map((row) => [row.position, row.recorded_at]));
  return {
    appended: fresh.map((row) => ({
      position: row.position,
      event: upcast(row.event),
      hash: row.hash,
      recordedAt: recordedAt.get(row.position) ?? new Date().toISOString(),
    })),
    skipped: events.length - fresh.length,
  };
};

export interface LogRow {
  position: number;
  envelope: unknown;
  recorded_at: string;
  hash: string;
}

/** Reads up to `limit` rows after `position`, raw: parsing (and dead-lettering) is the reader's call. */
export const readLogAfter = async (db: Queryable, position: number, limit: number): Promise<LogRow[]> => {
  const { rows } = await db.query<LogRow>(
    'select position, envelope, recorded_at, hash from event_log where position > $1 order by position limit $2',
    [position, limit],
  );
  return rows;
};

export const storedEventFrom = (row: LogRow): StoredEvent => ({
  position: row.position,
  event: parseSitrepEvent(row.envelope),
  recordedAt: row.recorded_at,
  hash: row.hash,
});

export const logHead = async (db: Queryable): Promise<{ position: number; hash: string }> => {
  const { rows } = await db.query<{ position: number; hash: string }>(
    'select position, hash from event_log order by position desc limit 1',
  );
  return rows[0] ?? { position: 0, hash: GENESIS_HASH };
};

/** Channel on which an append is announced, so that tailing readers wake without polling hard. */
export const LOG_APPENDED_CHANNEL = 'sitrep_event_log';

export const announceAppend = async (client: PoolClient, position: number): Promise<void> => {
  await client.query('select pg_notify($1, $2)', [LOG_APPENDED_CHANNEL, String(position)]);
};

export interface LogEntry {
  position: number;
  id: string;
  type: string;
  time: string;
  subject: string;
  dataversion: number;
  recordedAt: string;
  hash: string;
  data: unknown;
}

/** The log by position, for the API: `next` is the position to ask after, null at the end. */
export const listLogEntries = async (
  db: Queryable,
  { after, limit }: { after: number; limit: number },
): Promise<{ items: LogEntry[]; next: number | null }> => {
  const { rows } = await db.query<{
    position: number;
    id: string;
    type: string;
    time: string;
    subject: string;
    envelope: { data: unknown; dataversion: number };
    recorded_at: string;
    hash: string;
  }>(
    `select position, id, type, time, subject, envelope, recorded_at, hash from event_log
     where position > $1 order by position limit $2`,
    [after, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      position: row.position,
      id: row.id,
      type: row.type,
      time: row.time,
      subject: row.subject,
      dataversion: row.envelope.dataversion,
      recordedAt: row.recorded_at,
      hash: row.hash,
      data: row.envelope.data,
    })),
    next: rows.length > limit ? (page.at(-1)?.position ?? null) : null,
  };
};
