import type { Projection } from '@sitrep/projections';
import type { CheckpointKey, LogRow, Pool, PoolClient, Queryable } from '@sitrep/storage';
import { inTransaction, lockAppends, logHead, readLogAfter } from '@sitrep/storage';
import type { Kafka } from 'kafkajs';
import { applyLogRows } from './apply-to-read-models';
import type { KafkaPartitionRange } from './kafka-replay-source';
import { readKafkaForReplay } from './kafka-replay-source';
import {
  createScratchTables,
  dropScratchSchema,
  holdRebuildLock,
  quoteIdent,
  scratchSchemaName,
  searchScratchFirst,
  swapIntoPublic,
} from './scratch-schema';

export interface RebuildProgress {
  /** 'read': messages read from Kafka; 'apply': events applied to the scratch tables. */
  readonly phase: 'read' | 'apply';
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (progress: RebuildProgress) => void | Promise<void>;

export interface RebuildOptions {
  /**
   * The live projector whose checkpoint bounds the rebuild: in embedded mode it tails the log and may
   * be behind its head. null (distributed mode): the log head, since the Kafka runner applies each
   * event in the transaction that logs it. A consumer without a checkpoint row also means the head.
   */
  readonly liveConsumer?: string | null;
  /** Read the events from these Kafka topics rather than from event_log (distributed mode). */
  readonly kafka?: { readonly kafka: Kafka; readonly topics: readonly string[] } | null;
  /**
   * ISO time: the rebuilt read models hold only the events from that time on: by the messages'
   * timestamps in Kafka, by the time they were recorded (`recorded_at`) in the event log.
   */
  readonly fromTime?: string | null;
  readonly batchSize?: number;
  /** Awaited: a listener that returns a promise holds the rebuild between two batches. */
  readonly onProgress?: ProgressListener;
}

export interface RebuildOutcome {
  readonly projections: readonly string[];
  readonly source: 'event_log' | 'kafka';
  readonly fromTime: string | null;
  /** Events applied, the dead-lettered ones included. */
  readonly events: number;
  readonly deadLettered: number;
  /** The log position the rebuilt read models reflect. */
  readonly upTo: number;
  readonly kafka?: { readonly partitions: readonly KafkaPartitionRange[]; readonly notLogged: number };
}

/** What the live projector has applied: its checkpoint, or the log head (see RebuildOptions). */
export const livePosition = async (
  db: Queryable,
  liveConsumer: string | null,
  { lock = false }: { lock?: boolean } = {},
): Promise<number> => {
  if (liveConsumer !== null) {
    const { rows } = await db.query<{ position: number }>(
      `select position from checkpoints where consumer = $1 and stream = 'event_log' and partition = 0
       ${lock ? 'for update' : ''}`,
      [liveConsumer],
    );
    if (rows[0]) return rows[0].position;
  }
  return (await logHead(db)).position;
};

/** The position before the first event recorded at or after `time` (the head when there is none). */
const positionBefore = async (db: Queryable, time: string): Promise<number> => {
  const { rows } = await db.query<{ position: number | null }>(
    'select min(position) - 1 as position from event_log where recorded_at >= $1::timestamptz',
    [time],
  );
  return rows[0]?.position ?? (await logHead(db)).position;
};

/**
 * Applies log rows to the scratch tables in the caller's transaction; a row that does not parse, or
 * whose changes fail, is parked as the live projector would park it. Returns how many were parked.
 */
const applyRows = async (
  client: PoolClient,
  schema: string,
  projections: readonly Projection[],
  key: CheckpointKey,
  rows: readonly LogRow[],
): Promise<number> => {
  await searchScratchFirst(client, schema);
  return (await applyLogRows(client, projections, key, rows)).deadLettered;
};

/** Fills scratch tables from the log, batch after batch, each in a transaction of its own. */
export class ScratchBuild {
  applied = 0;
  deadLettered = 0;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
    private readonly projections: readonly Projection[],
    private readonly key: CheckpointKey,
    private readonly batchSize: number,
  ) {}

  /** Applies `rows` (already in position order) in batches. */
  async applyRows(rows: readonly LogRow[], afterBatch?: () => Promise<void>): Promise<void> {
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const batch = rows.slice(i, i + this.batchSize);
      this.deadLettered += await inTransaction(this.pool, (client) =>
        applyRows(client, this.schema, this.projections, this.key, batch),
      );
      this.applied += batch.length;
      await afterBatch?.();
    }
  }

  /** Applies one batch of the log after `after`, up to `upTo`, in the caller's transaction; returns the new `after`. */
  async applyLogBatch(client: PoolClient, after: number, upTo: number): Promise<number> {
    const rows = (await readLogAfter(client, after, this.batchSize)).filter((row) => row.position <= upTo);
    const last = rows.at(-1);
    if (!last) return upTo;
    this.deadLettered += await applyRows(client, this.schema, this.projections, this.key, rows);
    this.applied += rows.length;
    return last.position;
  }

  /** Applies the log after `after` up to `upTo`, one transaction per batch; returns the new `after`. */
  async applyLog(after: number, upTo: number, afterBatch?: () => Promise<void>): Promise<number> {
    let position = after;
    while (position < upTo) {
      const from = position;
      position = await inTransaction(this.pool, (client) => this.applyLogBatch(client, from, upTo));
      await afterBatch?.();
    }
    return position;
  }

  async analyze(tables: readonly string[]): Promise<void> {
    // Fresh tables have no statistics: without them the API's first queries on a swapped-in table plan blind.
    for (const table of tables) await this.pool.query(`analyze ${quoteIdent(this.schema)}.${quoteIdent(table)}`);
  }
}

/**
 * Rebuilds projections beside the live read models and swaps them in (issue 4). Their tables are
 * created empty in a scratch schema and filled in batches, each batch a transaction of its own, so
 * that live ingestion and the live projector go on meanwhile, and the API goes on reading the public
 * tables. Once the build has caught up with the live projector, one last transaction takes the live
 * locks (the append lock, which holds off appenders and the Kafka runner; the live projector's
 * checkpoint row in embedded mode), applies what remains up to what the live projector has applied,
 * and moves the scratch tables into public in place of the old ones. Readers see the old tables
 * until that commits and the new ones after: never a half-built or an empty read model.
 *
 * The rebuild stops where the live projector stands, so that the projections it rebuilds stay
 * consistent with the ones it does not; the live projector applies what comes after to the new tables.
 */
export const rebuildProjections = async (
  pool: Pool,
  projections: readonly Projection[],
  { liveConsumer = 'projector', kafka = null, fromTime = null, batchSize = 1_000, onProgress }: RebuildOptions = {},
): Promise<RebuildOutcome> => {
  const tables = projections.flatMap((projection) => projection.tables);
  const key = { consumer: `replay:${projections.map((p) => p.name).join('+')}`, stream: 'event_log', partition: 0 };
  const release = await holdRebuildLock(pool);
  const schema = scratchSchemaName('replay');
  try {
    const read = kafka
      ? await readKafkaForReplay(kafka.kafka, pool, {
          topics: kafka.topics,
          fromTime,
          onProgress: (done, total) => void onProgress?.({ phase: 'read', done, total }),
        })
      : null;
    const start = read ? read.tailAfter : fromTime === null ? 0 : await positionBefore(pool, fromTime);
    await createScratchTables(pool, schema, tables);
    const build = new ScratchBuild(pool, schema, projections, key, batchSize);
    let target = await livePosition(pool, liveConsumer);
    const report = async (final = false) => {
      const total = (read?.rows.length ?? 0) + Math.max(0, target - start);
      await onProgress?.({ phase: 'apply', done: final ? build.applied : Math.min(build.applied, total), total });
    };
    await report();
    if (read) await build.applyRows(read.rows, report);
    // Chase the live projector, batch by batch, until what is left fits in one batch.
    let after = start;
    while (target - after > batchSize) {
      after = await build.applyLog(after, target, report);
      target = await livePosition(pool, liveConsumer);
    }
    await build.analyze(tables);
    const upTo = await inTransaction(pool, async (client) => {
      await lockAppends(client);
      const upTo = await livePosition(client, liveConsumer, { lock: true });
      while (after < upTo) after = await build.applyLogBatch(client, after, upTo);
      await swapIntoPublic(client, schema, tables);
      return upTo;
    });
    target = upTo;
    await report(true);
    return {
      projections: projections.map((p) => p.name),
      source: read ? 'kafka' : 'event_log',
      fromTime,
      events: build.applied,
      deadLettered: build.deadLettered,
      upTo,
      ...(read ? { kafka: { partitions: read.partitions, notLogged: read.notLogged } } : {}),
    };
  } finally {
    try {
      await dropScratchSchema(pool, schema);
    } finally {
      await release();
    }
  }
};
