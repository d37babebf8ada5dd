import { loadConfig } from '@sitrep/config';
import { ALL_PROJECTIONS } from '@sitrep/projections';
import type { RowDifference, VerifyOutcome } from '@sitrep/transport';
import { RebuildError, verifyProjections } from '@sitrep/transport';
import { openDatabase } from './open-database';
import { progressReporter } from './progress';

const USAGE = 'usage: sitrep verify [--batch-size N] [--max-rows N]\n';

const keyText = (key: RowDifference['key']): string =>
  Object.entries(key)
    .map(([column, value]) => `${column}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');

const WHAT = {
  changed: 'changed',
  missing: 'missing (the log makes it, the read model lacks it)',
  extra: 'extra (in the read model, the log does not make it)',
} as const;

/** The report: one line per table, and under a differing one the keys of its differing rows. */
export const verifyReport = (outcome: VerifyOutcome, maxRows: number): string => {
  const width = Math.max(...outcome.tables.map((t) => t.table.length));
  const lines = [`verify: rebuilt ${outcome.events} events up to position ${outcome.upTo} and compared every table`];
  for (const { table, live, rebuilt, differences } of outcome.tables) {
    if (live.digest === rebuilt.digest) {
      lines.push(`${table.padEnd(width)}  ok       ${live.rows} rows  sha256 ${live.digest}`);
      continue;
    }
    lines.push(`${table.padEnd(width)}  DIFFERS  ${live.rows} rows live, ${rebuilt.rows} rebuilt`);
    for (const difference of differences.slice(0, maxRows))
      lines.push(`  ${table} ${keyText(difference.key)}: ${WHAT[difference.kind]}`);
    if (differences.length > maxRows) lines.push(`  … and ${differences.length - maxRows} more rows`);
  }
  const differing = outcome.tables.filter((t) => t.live.digest !== t.rebuilt.digest).length;
  lines.push(
    differing === 0
      ? `verify: all ${outcome.tables.length} tables equal their rebuild`
      : `verify: ${differing} of ${outcome.tables.length} tables differ from their rebuild`,
  );
  return `${lines.join('\n')}\n`;
};

/**
 * `sitrep verify`: rebuilds every read model from the event log into a scratch schema and compares it
 * with the live one, table by table and row by row (see verifyProjections). Exit 0 when all are
 * equal, 1 when any differs (or the check could not run), 2 on a usage error.
 */
export async function verifyCommand(args: string[]): Promise<number> {
  let batchSize = 1_000;
  let maxRows = 20;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = inline ?? args[++i];
    if (value === undefined || !/^[1-9]\d{0,5}$/.test(value) || !['--batch-size', '--max-rows'].includes(flag)) {
      process.stderr.write(`sitrep verify: unexpected argument "${arg}"\n${USAGE}`);
      return 2;
    }
    if (flag === '--batch-size') batchSize = Number(value);
    else maxRows = Number(value);
  }
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    const report = progressReporter('verify: rebuild');
    const outcome = await verifyProjections(database.pool, ALL_PROJECTIONS, {
      liveConsumer: config.kafkaBrokers ? null : 'projector',
      batchSize,
      onProgress: ({ done, total }) => report(done, total),
    });
    report(outcome.events, outcome.events, true);
    process.stdout.write(verifyReport(outcome, maxRows));
    return outcome.differs ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RebuildError)) throw error;
    process.stderr.write(`sitrep verify: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
