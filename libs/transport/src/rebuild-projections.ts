import type { StoredEvent } from '@sitrep/events';
import type { Projection } from '@sitrep/projections';
import type { Pool } from '@sitrep/storage';
import { inTransaction, lockAppends, logHead, parkDeadLetter, readLogAfter, storedEventFrom } from '@sitrep/storage';
import { applyToReadModels } from './apply-to-read-models';

export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
}

export interface RebuildOutcome {
  readonly projections: readonly string[];
  readonly events: number;
  readonly deadLettered: number;
  readonly upTo: number;
}

/**
 * Rebuilds projections from the event log in one transaction: their rows are deleted and every
 * event is applied again. Readers keep seeing the previous rows (MVCC) until the commit, when the
 * rebuilt ones replace them at once; a failed rebuild changes nothing.
 *
 * Live appliers wait meanwhile: the Kafka runner on the append lock, the embedded runner on its
 * checkpoint row. The rebuild goes up to what the live projector has applied (its checkpoint in
 * embedded mode; in Kafka mode every logged event has been applied), so that the projections it
 * does not rebuild stay consistent with the ones it does.
 */
export const rebuildProjections = async (
  pool: Pool,
  projections: readonly Projection[],
  {
    liveConsumer = 'projector',
    batchSize = 1_000,
    onProgress,
  }: { liveConsumer?: string; batchSize?: number; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<RebuildOutcome> =>
  inTransaction(pool, async (client) => {
    await lockAppends(client);
    const { rows: live } = await client.query<{ position: number }>(
      `select position from checkpoints where consumer = $1 and stream = 'event_log' and partition = 0 for update`,
      [liveConsumer],
    );
    const upTo = live[0]?.position ?? (await logHead(client)).position;
    for (const projection of projections) {
      for (const table of projection.tables) await client.query(`delete from ${table}`);
    }
    const key = { consumer: `rebuild:${projections.map((p) => p.name).join('+')}`, stream: 'event_log', partition: 0 };
    let after = 0;
    let events = 0;
    let deadLettered = 0;
    onProgress?.({ done: 0, total: upTo });
    while (after < upTo) {
      const rows = (await readLogAfter(client, after, batchSize)).filter((row) => row.position <= upTo);
      const last = rows.at(-1);
      if (!last) break;
      const stored: StoredEvent[] = [];
      for (const row of rows) {
        try {
          stored.push(storedEventFrom(row));
        } catch (error) {
          await parkDeadLetter(client, {
            ...key,
            position: row.position,
            eventId: null,
            payload: JSON.stringify(row.envelope),
            error: (error as Error).message,
          });
          deadLettered += 1;
        }
      }
      deadLettered += (await applyToReadModels(client, projections, key, stored)).deadLettered;
      events += rows.length;
      after = last.position;
      onProgress?.({ done: after, total: upTo });
    }
    return { projections: projections.map((p) => p.name), events, deadLettered, upTo };
  });
