import { randomBytes } from 'node:crypto';
import type { LogRow, Pool } from '@sitrep/storage';
import { logHead } from '@sitrep/storage';
import type { Kafka } from 'kafkajs';

/** The part of one partition a replay reads: offsets `from` (inclusive) to `to` (exclusive). */
export interface KafkaPartitionRange {
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  /** The high watermark when the replay started. */
  readonly to: number;
  /**
   * How `from` was chosen: the partition's first offset, the broker's answer for the time, or a scan
   * of the messages' timestamps (a broker that does not look offsets up by time, such as librdkafka's
   * mock cluster, answers with the end of the partition; the message before its answer shows it).
   */
  readonly by: 'beginning' | 'broker' | 'scan';
}

export interface KafkaReplayRead {
  /** The events read, as log rows (position, hash and recording time from event_log), by position. */
  readonly rows: LogRow[];
  /** The log head before the watermarks were read: events after it come from the log's tail. */
  readonly tailAfter: number;
  readonly partitions: KafkaPartitionRange[];
  /** Messages read that have no event_log row at or before `tailAfter`: malformed or dead-lettered ones. */
  readonly notLogged: number;
}

export interface KafkaReplayOptions {
  readonly topics: readonly string[];
  /** ISO time: read each partition from the first message whose timestamp is at or after it. */
  readonly fromTime?: string | null;
  readonly onProgress?: (done: number, total: number) => void;
}

interface PartitionState {
  readonly topic: string;
  readonly partition: number;
  readonly low: number;
  readonly high: number;
  mode: 'check' | 'scan' | 'read';
  seekFrom: number;
  from: number | null;
  by: KafkaPartitionRange['by'];
  next: number;
}

const isDone = (state: PartitionState): boolean => state.next >= state.high;

/**
 * Reads the topics as they stand when it starts (up to the high watermarks it reads first), from the
 * beginning or from the offsets for `fromTime`, with a consumer group of its own that commits
 * nothing. Each event's position comes from event_log, by event id, so that the replay applies events
 * in the order the live projector did, whichever partitions they came from.
 *
 * The log head is read before the watermarks: an event logged later has a higher position and is left
 * to the log's tail; an event logged earlier was consumed, so produced, before the watermarks were read,
 * and lies below them.
 */
export const readKafkaForReplay = async (
  kafka: Kafka,
  pool: Pool,
  { topics, fromTime = null, onProgress }: KafkaReplayOptions,
): Promise<KafkaReplayRead> => {
  const tailAfter = (await logHead(pool)).position;
  const fromMs = fromTime === null ? null : Date.parse(fromTime);
  const states: PartitionState[] = [];
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const watermarks = await admin.fetchTopicOffsets(topic);
      const byTime = fromMs === null ? null : await admin.fetchTopicOffsetsByTimestamp(topic, fromMs);
      for (const { partition, low, high } of watermarks) {
        const [lowOffset, highOffset] = [Number(low), Number(high)];
        const answer = byTime?.find((entry) => entry.partition === partition)?.offset;
        const candidate = Math.min(highOffset, Math.max(lowOffset, Number(answer ?? lowOffset)));
        const state: PartitionState = {
          topic,
          partition,
          low: lowOffset,
          high: highOffset,
          mode: 'read',
          seekFrom: candidate,
          from: candidate,
          by: fromMs === null ? 'beginning' : 'broker',
          next: candidate,
        };
        // The message before the broker's answer must be older than the time; read it to check.
        if (fromMs !== null && candidate > lowOffset && lowOffset < highOffset) {
          Object.assign(state, { mode: 'check', seekFrom: candidate - 1, next: candidate - 1, from: null });
        }
        states.push(state);
      }
    }
  } finally {
    await admin.disconnect();
  }

  const messages: { offset: number; value: string }[] = [];
  const report = () =>
    onProgress?.(
      states.reduce((sum, s) => sum + Math.max(0, Math.min(s.next, s.high) - s.seekFrom), 0),
      states.reduce((sum, s) => sum + Math.max(0, s.high - s.seekFrom), 0),
    );
  const pending = states.filter((state) => !isDone(state));
  report();
  if (pending.length > 0) {
    const consumer = kafka.consumer({
      groupId: `sitrep-replay-${randomBytes(6).toString('hex')}`,
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        const finishIfDone = () => {
          if (states.every(isDone)) resolve();
        };
        consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
        const stateOf = (topic: string, partition: number) =>
          states.find((s) => s.topic === topic && s.partition === partition);
        const topicsToRead = [...new Set(pending.map((s) => s.topic))];
        consumer
          .subscribe({ topics: topicsToRead, fromBeginning: true })
          .then(() =>
            consumer.run({
              autoCommit: false,
              eachBatchAutoResolve: false,
              eachBatch: async (payload) => {
                const { batch } = payload;
                const state = stateOf(batch.topic, batch.partition);
                // A batch fetched before a seek is stale: the seek's own batches follow.
                if (!state || isDone(state) || payload.isStale()) return;
                for (const message of batch.messages) {
                  const offset = Number(message.offset);
                  if (offset < state.next) continue;
                  if (offset >= state.high) break;
                  state.next = offset + 1;
                  // Without autoCommit the next fetch starts after the last resolved offset.
                  payload.resolveOffset(message.offset);
                  const before = fromMs !== null && Number(message.timestamp) < fromMs;
                  if (state.mode === 'check') {
                    if (offset < state.seekFrom + 1 && !before) {
                      // The broker's answer is not the first offset for the time: scan from the start.
                      Object.assign(state, { mode: 'scan', seekFrom: state.low, next: state.low });
                      consumer.seek({ topic: state.topic, partition: state.partition, offset: String(state.low) });
                      break;
                    }
                    Object.assign(state, { mode: 'read', from: state.seekFrom + 1 });
                    if (offset === state.seekFrom) continue;
                  }
                  if (state.mode === 'scan') {
                    if (before) continue;
                    Object.assign(state, { mode: 'read', from: offset, by: 'scan' });
                  }
                  messages.push({ offset, value: message.value?.toString('utf8') ?? '' });
                }
                if (isDone(state)) consumer.pause([{ topic: state.topic, partitions: [state.partition] }]);
                report();
                finishIfDone();
                await Promise.resolve();
              },
            }),
          )
          .then(() => {
            for (const state of pending)
              consumer.seek({ topic: state.topic, partition: state.partition, offset: String(state.seekFrom) });
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
  }

  const byId = new Map<string, unknown>();
  let notLogged = 0;
  for (const { value } of messages) {
    let envelope: unknown;
    try {
      envelope = JSON.parse(value);
    } catch {
      // Not JSON: the live projector parked it in dead_letters, and it never reached the log.
      notLogged += 1;
      continue;
    }
    const id = (envelope as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') notLogged += 1;
    else byId.set(id, envelope);
  }
  const rows: LogRow[] = [];
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 1_000) {
    const { rows: logged } = await pool.query<Omit<LogRow, 'envelope'> & { id: string }>(
      'select id, position, recorded_at, hash from event_log where id = any($1) and position <= $2',
      [ids.slice(i, i + 1_000), tailAfter],
    );
    for (const { id, ...row } of logged) rows.push({ ...row, envelope: byId.get(id) });
  }
  // Message copies of one event (a producer retry) share an id, hence a row: count each id once.
  notLogged += ids.length - rows.length;
  rows.sort((a, b) => a.position - b.position);
  return {
    rows,
    tailAfter,
    partitions: states.map(({ topic, partition, from, high, by }) => ({
      topic,
      partition,
      from: from ?? high,
      to: high,
      by,
    })),
    notLogged,
  };
};
