import type { StoredEvent } from '@sitrep/events';
import type { Projection } from '@sitrep/projections';
import type { CheckpointKey, LogRow, PoolClient } from '@sitrep/storage';
import { parkDeadLetter, storedEventFrom } from '@sitrep/storage';

// SQLSTATE classes that say the database, not the event, is at fault: connection loss (08),
// transaction rollback such as serialization failure (40), operator intervention (57). Such an
// error fails the whole batch, which is retried; any other error parks the event.
const TRANSIENT_SQLSTATE = /^(08|40|57)/;

const isTransient = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'string' || TRANSIENT_SQLSTATE.test(code);
};

export interface ApplyOutcome {
  applied: number;
  deadLettered: number;
}

/**
 * Applies each event's row changes in the caller's transaction. An event whose changes fail is rolled
 * back to its savepoint and parked in dead_letters with the error; the batch goes on.
 */
export const applyToReadModels = async (
  client: PoolClient,
  projections: readonly Projection[],
  key: CheckpointKey,
  events: readonly StoredEvent[],
): Promise<ApplyOutcome> => {
  let deadLettered = 0;
  for (const stored of events) {
    await client.query('savepoint apply_event');
    try {
      for (const projection of projections) {
        for (const statement of projection.evolve(stored)) await client.query(statement.text, [...statement.values]);
      }
      await client.query('release savepoint apply_event');
    } catch (error) {
      if (isTransient(error)) throw error;
      await client.query('rollback to savepoint apply_event');
      await parkDeadLetter(client, {
        ...key,
        position: stored.position,
        eventId: stored.event.id,
        payload: JSON.stringify(stored.event),
        error: `PROJECTION_FAILED: ${(error as Error).message}`,
      });
      deadLettered += 1;
    }
  }
  return { applied: events.length - deadLettered, deadLettered };
};

/**
 * Applies rows read from the event log: a row whose event no longer reads (a damaged log, a version
 * no upcaster knows) is parked in dead_letters with its position; the others are applied.
 */
export const applyLogRows = async (
  client: PoolClient,
  projections: readonly Projection[],
  key: CheckpointKey,
  rows: readonly LogRow[],
): Promise<ApplyOutcome> => {
  const events: StoredEvent[] = [];
  let unreadable = 0;
  for (const row of rows) {
    try {
      events.push(storedEventFrom(row));
    } catch (error) {
      await parkDeadLetter(client, {
        ...key,
        position: row.position,
        eventId: null,
        payload: JSON.stringify(row.envelope),
        error: (error as Error).message,
      });
      unreadable += 1;
    }
  }
  const outcome = await applyToReadModels(client, projections, key, events);
  return { applied: outcome.applied, deadLettered: outcome.deadLettered + unreadable };
};
