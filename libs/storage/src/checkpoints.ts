import type { PoolClient } from './pool';

export interface CheckpointKey {
  readonly consumer: string;
  readonly stream: string;
  readonly partition: number;
}

/**
 * Reads a checkpoint and locks its row for the caller's transaction, so that two instances of one
 * consumer never apply the same batch at once. Creates the row (at `initial`) when absent.
 */
export const lockCheckpoint = async (client: PoolClient, key: CheckpointKey, initial = 0): Promise<number> => {
  await client.query(
    `insert into checkpoints (consumer, stream, partition, position) values ($1, $2, $3, $4)
     on conflict do nothing`,
    [key.consumer, key.stream, key.partition, initial],
  );
  const { rows } = await client.query<{ position: number }>(
    'select position from checkpoints where consumer = $1 and stream = $2 and partition = $3 for update',
    [key.consumer, key.stream, key.partition],
  );
  return rows[0]?.position ?? initial;
};

export const saveCheckpoint = async (client: PoolClient, key: CheckpointKey, position: number): Promise<void> => {
  await client.query(
    `update checkpoints set position = $4, updated_at = now()
     where consumer = $1 and stream = $2 and partition = $3`,
    [key.consumer, key.stream, key.partition, position],
  );
};
