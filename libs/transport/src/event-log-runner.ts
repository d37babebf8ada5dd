import { setTimeout as delay } from 'node:timers/promises';
import type { Projection } from '@sitrep/projections';
import type { CheckpointKey, Pool, PoolClient } from '@sitrep/storage';
import { inTransaction, LOG_APPENDED_CHANNEL, lockCheckpoint, readLogAfter, saveCheckpoint } from '@sitrep/storage';
import { applyLogRows } from './apply-to-read-models';
import type { BatchListener, ErrorListener, ProjectionRunner } from './projection-runner';

export interface EventLogRunnerOptions {
  readonly consumer: string;
  readonly batchSize?: number;
  /** How long to sleep when the log has nothing new and no append was announced. */
  readonly idleMs?: number;
  readonly onBatch?: BatchListener;
  readonly onError?: ErrorListener;
}

/**
 * The embedded transport's runner: tails event_log by position. Appends are serialized (see
 * appendEvents), so positions become visible in order and no event is skipped; the checkpoint row
 * is locked for the batch, so two runners of one consumer never apply the same events.
 */
export class EventLogRunner implements ProjectionRunner {
  private running = false;
  private loop: Promise<void> | null = null;
  private listener: PoolClient | null = null;
  private wake: (() => void) | null = null;
  private readonly key: CheckpointKey;

  constructor(
    private readonly pool: Pool,
    private readonly projections: readonly Projection[],
    private readonly options: EventLogRunnerOptions,
  ) {
    this.key = { consumer: options.consumer, stream: 'event_log', partition: 0 };
  }

  async start(): Promise<void> {
    this.running = true;
    this.listener = await this.pool.connect();
    this.listener.on('notification', () => this.wake?.());
    await this.listener.query(`listen ${LOG_APPENDED_CHANNEL}`);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.listener) {
      await this.listener.query(`unlisten ${LOG_APPENDED_CHANNEL}`).catch(() => undefined);
      this.listener.release();
      this.listener = null;
    }
  }

  /** Applies what the log holds beyond the checkpoint, batch by batch; resolves when caught up. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.applyNextBatch();
      total += count;
      if (count === 0) return total;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const count = await this.applyNextBatch();
        failures = 0;
        if (count === 0) await this.idle(this.options.idleMs ?? 1_000);
      } catch (error) {
        failures += 1;
        this.options.onError?.(error);
        await this.idle(Math.min(30_000, 250 * 2 ** failures));
      }
    }
  }

  private idle(ms: number): Promise<void> {
    const controller = new AbortController();
    return Promise.race([
      delay(ms, undefined, { signal: controller.signal }).catch(() => undefined),
      new Promise<void>((resolve) => (this.wake = resolve)),
    ]).finally(() => {
      controller.abort();
      this.wake = null;
    });
  }

  private async applyNextBatch(): Promise<number> {
    const startedAt = performance.now();
    const report = await inTransaction(this.pool, async (client) => {
      const after = await lockCheckpoint(client, this.key);
      const rows = await readLogAfter(client, after, this.options.batchSize ?? 500);
      const last = rows.at(-1);
      if (!last) return null;
      const { deadLettered } = await applyLogRows(client, this.projections, this.key, rows);
      await saveCheckpoint(client, this.key, last.position);
      return { events: rows.length, deadLettered, checkpoint: last.position };
    });
    if (!report) return 0;
    this.options.onBatch?.({ stream: 'event_log', partition: 0, ...report, durationMs: performance.now() - startedAt });
    return report.events;
  }
}
