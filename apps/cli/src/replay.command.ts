import type { Config } from '@sitrep/config';
import { loadConfig } from '@sitrep/config';
import type { Projection } from '@sitrep/projections';
import { ALL_PROJECTIONS } from '@sitrep/projections';
import type { RebuildProgress } from '@sitrep/transport';
import { kafkaFrom, RebuildError, rebuildProjections, topicsOf } from '@sitrep/transport';
import { openDatabase } from './open-database';
import { progressReporter } from './progress';

const USAGE =
  'usage: sitrep replay [--projection NAME]... [--from-time ISO] [--batch-size N]\n' +
  `  names: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}\n`;

interface ReplayArgs {
  readonly projections: readonly Projection[];
  readonly fromTime: string | null;
  readonly batchSize: number;
}

/** Reads `--flag value` and `--flag=value` pairs; an error message for anything else. */
export const replayArgsFrom = (args: readonly string[]): ReplayArgs | string => {
  const names: string[] = [];
  let fromTime: string | null = null;
  let batchSize = 1_000;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = inline ?? args[i + 1];
    if (inline === undefined) i += 1;
    if (flag === '--projection' && value !== undefined) {
      if (!ALL_PROJECTIONS.some((projection) => projection.name === value))
        return `--projection: expected one of ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}, found "${value}"`;
      names.push(value);
    } else if (flag === '--from-time' && value !== undefined) {
      const ms = Date.parse(value);
      if (Number.isNaN(ms)) return `--from-time: expected an ISO-8601 time, found "${value}"`;
      fromTime = new Date(ms).toISOString();
    } else if (flag === '--batch-size' && value !== undefined && /^[1-9]\d{0,5}$/.test(value)) {
      batchSize = Number(value);
    } else {
      return `unexpected argument "${arg}"`;
    }
  }
  return {
    projections: names.length === 0 ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => names.includes(p.name)),
    fromTime,
    batchSize,
  };
};

/** Where a replay reads from: Kafka in distributed mode, where the topics are the log; else the event log. */
const sourceOf = (config: Config) =>
  config.kafkaBrokers
    ? { liveConsumer: null, kafka: { kafka: kafkaFrom(config), topics: topicsOf(config) } }
    : { liveConsumer: 'projector', kafka: null };

/**
 * `sitrep replay`: rebuilds read models, all of them or the named ones, beside the live ones, and
 * swaps them in once caught up (see rebuildProjections). The API keeps serving the previous read
 * models meanwhile, and ingestion goes on. Progress on stderr, the outcome as JSON on stdout.
 * Exit 0 when swapped in, 1 when the replay failed (nothing changed then), 2 on a usage error.
 */
export async function replayCommand(args: string[]): Promise<number> {
  const parsed = replayArgsFrom(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`sitrep replay: ${parsed}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    const label = `replay ${parsed.projections.map((p) => p.name).join(',')}`;
    const reporters = {
      read: progressReporter(`${label}: read kafka`, process.stderr, 'messages'),
      apply: progressReporter(label),
    };
    let last: RebuildProgress | null = null;
    const outcome = await rebuildProjections(database.pool, parsed.projections, {
      ...sourceOf(config),
      fromTime: parsed.fromTime,
      batchSize: parsed.batchSize,
      onProgress: (progress) => {
        if (last && last.phase !== progress.phase) reporters[last.phase](last.done, last.total, true);
        last = progress;
        reporters[progress.phase](progress.done, progress.total);
      },
    });
    reporters.apply(outcome.events, outcome.events, true);
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RebuildError)) throw error;
    process.stderr.write(`sitrep replay: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
