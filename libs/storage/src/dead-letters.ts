import type { CheckpointKey } from './checkpoints';
import type { Queryable } from './pool';

export interface DeadLetter extends CheckpointKey {
  readonly position: number;
  readonly eventId: string | null;
  readonly payload: string;
  readonly error: string;
}

export const parkDeadLetter = async (db: Queryable, letter: DeadLetter): Promise<void> => {
  await db.query(
    `insert into dead_letters (consumer, stream, partition, position, event_id, payload, error)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [letter.consumer, letter.stream, letter.partition, letter.position, letter.eventId, letter.payload, letter.error],
  );
};
