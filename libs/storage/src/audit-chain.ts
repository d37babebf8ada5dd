import { chainHash, GENESIS_HASH } from './event-log';
import type { Pool } from './pool';

export interface ChainHead {
  readonly position: number;
  readonly hash: string;
}

/** Where the chain breaks first, and how. */
export interface ChainBreak {
  readonly position: number;
  readonly kind: 'altered' | 'removed' | 'mismatched-columns' | 'pin-mismatch' | 'pin-beyond-end';
  readonly detail: string;
}

export type ChainVerdict =
  | { readonly intact: true; readonly head: ChainHead; readonly events: number }
  | { readonly intact: false; readonly break: ChainBreak; readonly checked: number };

export interface VerifyChainOptions {
  /** Rows read per query: memory stays constant whatever the log's length. */
  readonly batchSize?: number;
  /** A head pinned earlier (GET /v1/audit/head): it must still be in the chain, with the same hash. */
  readonly expectHead?: ChainHead;
  readonly onProgress?: (progress: { checked: number; total: number }) => void;
}

interface ChainRow {
  position: number;
  id: string;
  type: string;
  subject: string;
  time: string;
  envelope: Record<string, unknown>;
  hash: string;
}

/**
 * Walks event_log in position order and recomputes every link: hash = sha256(previous hash ‖
 * canonical JSON of the envelope as stored). The first position whose stored hash differs from the
 * recomputed one holds an event that was altered, or one moved there from elsewhere (two rows
 * swapped break the chain at the first of them); a jump in positions is an event removed (positions
 * are gapless: appends are serialized and take max + 1). Only a pinned head (`expectHead`) reveals
 * events cut from the end, or a log rewritten and re-hashed from some point on.
 *
 * The walk reads one snapshot (repeatable read), so appends made meanwhile neither break it nor
 * move its head.
 */
export const verifyChain = async (pool: Pool, options: VerifyChainOptions = {}): Promise<ChainVerdict> => {
  const batchSize = options.batchSize ?? 1_000;
  const pin = options.expectHead;
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: totals } = await client.query<{ last: number | null; events: number }>(
      'select max(position) as last, count(*)::int as events from event_log',
    );
    const total = totals[0]?.last ?? 0;
    let previous: ChainHead = { position: 0, hash: GENESIS_HASH };
    let checked = 0;
    const broken = (position: number, kind: ChainBreak['kind'], detail: string): ChainVerdict => ({
      intact: false,
      break: { position, kind, detail },
      checked,
    });
    for (;;) {
      const { rows } = await client.query<ChainRow>(
        `select position, id, type, subject, time, envelope, hash from event_log
         where position > $1 order by position limit $2`,
        [previous.position, batchSize],
      );
      for (const row of rows) {
        const expected = previous.position + 1;
        if (row.position !== expected) {
          const missing = row.position - expected === 1 ? `${expected}` : `${expected}-${row.position - 1}`;
          return broken(
            expected,
            'removed',
            `position ${missing} missing: the log jumps from ${previous.position} to ${row.position}`,
          );
        }
        const hash = chainHash(previous.hash, row.envelope);
        if (hash !== row.hash) {
          return broken(
            row.position,
            'altered',
            `event ${row.id} does not chain to position ${previous.position}: stored hash ${row.hash}, recomputed ${hash}; the event was altered, or moved here from another position`,
          );
        }
        const columns = mismatchedColumns(row);
        if (columns.length > 0) {
          return broken(
            row.position,
            'mismatched-columns',
            `event ${row.id}: column ${columns.join(', ')} disagrees with the hashed envelope`,
          );
        }
        if (pin && row.position === pin.position && hash !== pin.hash) {
          return broken(
            row.position,
            'pin-mismatch',
            `the pinned head has hash ${pin.hash}, the chain has ${hash}: the log was rewritten up to here`,
          );
        }
        previous = { position: row.position, hash };
        checked += 1;
      }
      options.onProgress?.({ checked, total });
      if (rows.length < batchSize) break;
    }
    if (pin && pin.position > previous.position) {
      return broken(
        pin.position,
        'pin-beyond-end',
        `the pinned head is at position ${pin.position}, the log ends at ${previous.position}: events were removed from its end`,
      );
    }
    return { intact: true, head: previous, events: checked };
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
};

// id, type, subject and time are copies of the envelope's attributes, kept as columns for indexes
// and queries; the hash covers only the envelope, so a column edited alone is caught here.
const mismatchedColumns = (row: ChainRow): string[] => {
  const { envelope } = row;
  const problems: string[] = [];
  for (const key of ['id', 'type', 'subject'] as const) {
    if (row[key] !== envelope[key]) problems.push(key);
  }
  if (typeof envelope.time !== 'string' || Date.parse(row.time) !== Date.parse(envelope.time)) problems.push('time');
  return problems;
};

/** The head of the log and how many events it holds: what an auditor pins. */
export const auditHead = async (pool: Pool): Promise<ChainHead & { events: number }> => {
  const { rows } = await pool.query<{ position: number; hash: string; events: number }>(
    `select head.position, head.hash, (select count(*)::int from event_log) as events
     from (select position, hash from event_log order by position desc limit 1) head`,
  );
  return rows[0] ?? { position: 0, hash: GENESIS_HASH, events: 0 };
};
