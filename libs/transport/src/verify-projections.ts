import type { Projection } from '@sitrep/projections';
import type { Pool, PoolClient } from '@sitrep/storage';
import type { RowDifference, TableDigest, TableRows } from './read-model-digest';
import { digestOf, rowDifferences, tableRows, useStableText } from './read-model-digest';
import type { ProgressListener } from './rebuild-projections';
import { livePosition, ScratchBuild } from './rebuild-projections';
import { createScratchTables, dropScratchSchema, holdRebuildLock, scratchSchemaName } from './scratch-schema';

export interface TableVerdict {
  readonly projection: string;
  readonly table: string;
  readonly live: TableDigest;
  readonly rebuilt: TableDigest;
  /** Empty when the digests are equal. */
  readonly differences: readonly RowDifference[];
}

export interface VerifyOutcome {
  /** The log position both the live read models and the rebuild reflect. */
  readonly upTo: number;
  readonly events: number;
  readonly deadLettered: number;
  readonly tables: readonly TableVerdict[];
  readonly differs: boolean;
}

const rowsOfTables = async (
  client: PoolClient,
  schema: string,
  tables: readonly string[],
): Promise<Map<string, TableRows>> => {
  const rows = new Map<string, TableRows>();
  for (const table of tables) rows.set(table, await tableRows(client, schema, table));
  return rows;
};

/**
 * Checks that the read models are what the log makes of them (issue 4): reads every row of the live
 * tables, rebuilds them from the event log into a scratch schema, and compares row by row. Nothing
 * is swapped; the scratch schema (with a dead_letters table of its own, so that the check writes
 * nothing to public) is dropped at the end.
 *
 * The live rows are read in one repeatable-read snapshot together with the position they reflect
 * (the live projector's checkpoint, or the log head in distributed mode: each commits with the rows it
 * accounts for), and the rebuild goes up to that position exactly. So the live projector and ingestion
 * go on meanwhile, and the comparison holds one state against the other.
 */
export const verifyProjections = async (
  pool: Pool,
  projections: readonly Projection[],
  {
    liveConsumer = 'projector',
    batchSize = 1_000,
    onProgress,
  }: { liveConsumer?: string | null; batchSize?: number; onProgress?: ProgressListener } = {},
): Promise<VerifyOutcome> => {
  const tables = projections.flatMap((projection) => projection.tables);
  const release = await holdRebuildLock(pool);
  const schema = scratchSchemaName('verify');
  try {
    const snapshot = await pool.connect();
    let upTo: number;
    let live: Map<string, TableRows>;
    try {
      await snapshot.query('begin isolation level repeatable read read only');
      await useStableText(snapshot);
      upTo = await livePosition(snapshot, liveConsumer);
      live = await rowsOfTables(snapshot, 'public', tables);
      await snapshot.query('commit');
    } catch (error) {
      await snapshot.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      snapshot.release();
    }

    await createScratchTables(pool, schema, tables, { deadLetters: true });
    const build = new ScratchBuild(
      pool,
      schema,
      projections,
      { consumer: 'verify', stream: 'event_log', partition: 0 },
      batchSize,
    );
    const report = () => onProgress?.({ phase: 'apply', done: build.applied, total: upTo });
    await report();
    await build.applyLog(0, upTo, async () => void (await report()));

    const reader = await pool.connect();
    let rebuilt: Map<string, TableRows>;
    try {
      await reader.query('begin isolation level repeatable read read only');
      await useStableText(reader);
      rebuilt = await rowsOfTables(reader, schema, tables);
      await reader.query('commit');
    } catch (error) {
      await reader.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      reader.release();
    }

    const verdicts = projections.flatMap((projection) =>
      projection.tables.map((table): TableVerdict => {
        const liveRows = live.get(table) ?? { table, keyColumns: [], rows: [] };
        const rebuiltRows = rebuilt.get(table) ?? { table, keyColumns: [], rows: [] };
        const [liveDigest, rebuiltDigest] = [digestOf(liveRows.rows), digestOf(rebuiltRows.rows)];
        return {
          projection: projection.name,
          table,
          live: liveDigest,
          rebuilt: rebuiltDigest,
          differences: liveDigest.digest === rebuiltDigest.digest ? [] : rowDifferences(liveRows, rebuiltRows),
        };
      }),
    );
    return {
      upTo,
      events: build.applied,
      deadLettered: build.deadLettered,
      tables: verdicts,
      differs: verdicts.some((verdict) => verdict.live.digest !== verdict.rebuilt.digest),
    };
  } finally {
    try {
      await dropScratchSchema(pool, schema);
    } finally {
      await release();
    }
  }
};
