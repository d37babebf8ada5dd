import { loadConfig } from '@sitrep/config';
import { ALL_PROJECTIONS } from '@sitrep/projections';
import { rebuildProjections } from '@sitrep/transport';
import { openDatabase } from './open-database';
import { progressReporter } from './progress';

const USAGE = `usage: sitrep replay [--projection NAME]...   (names: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')})\n`;

/**
 * `sitrep replay`: rebuilds read models from the event log, all of them or the named ones. The API
 * keeps serving the previous rows until the rebuilt ones replace them at once.
 */
export async function replayCommand(args: string[]): Promise<number> {
  const names: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value =
      arg === '--projection'
        ? args[++i]
        : arg?.startsWith('--projection=')
          ? arg.slice('--projection='.length)
          : undefined;
    if (value === undefined) {
      process.stderr.write(`sitrep replay: unexpected argument "${arg}"\n${USAGE}`);
      return 2;
    }
    names.push(value);
  }
  const unknown = names.filter((name) => !ALL_PROJECTIONS.some((projection) => projection.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`sitrep replay: no projection named ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const projections = names.length === 0 ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => names.includes(p.name));
  const database = await openDatabase(loadConfig(process.env));
  try {
    const report = progressReporter(`replay ${projections.map((p) => p.name).join(',')}`);
    const outcome = await rebuildProjections(database.pool, projections, {
      onProgress: ({ done, total }) => report(done, total),
    });
    report(outcome.upTo, outcome.upTo, true);
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
