import { loadConfig } from '@sitrep/config';
import type { ChainHead } from '@sitrep/storage';
import { verifyChain } from '@sitrep/storage';
import { openDatabase } from './open-database';
import { progressReporter } from './progress';

const USAGE = 'usage: sitrep audit verify [--expect-head POSITION:HASH] [--batch-size N]\n';

/**
 * `sitrep audit verify`: walks the event log's hash chain. Exit 0 and the head when every link holds
 * (and the pinned head, if given, is still in the chain); exit 1 and the first broken position
 * otherwise; exit 2 on a usage error.
 */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') {
    process.stderr.write(
      `sitrep audit: expected the subcommand "verify", found ${JSON.stringify(sub ?? '')}\n${USAGE}`,
    );
    return 2;
  }
  let expectHead: ChainHead | undefined;
  let batchSize = 1_000;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = inline ?? rest[++i];
    if (flag === '--expect-head' && value !== undefined) {
      const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
      if (!match) {
        process.stderr.write(
          `sitrep audit verify: --expect-head: expected POSITION:HASH (64 hex digits), found "${value}"\n`,
        );
        return 2;
      }
      expectHead = { position: Number(match[1]), hash: match[2] ?? '' };
    } else if (flag === '--batch-size' && value !== undefined && /^[1-9]\d{0,5}$/.test(value)) {
      batchSize = Number(value);
    } else {
      process.stderr.write(`sitrep audit verify: unexpected argument "${arg}"\n${USAGE}`);
      return 2;
    }
  }
  const database = await openDatabase(loadConfig(process.env));
  try {
    const report = progressReporter('audit verify');
    const verdict = await verifyChain(database.pool, {
      batchSize,
      ...(expectHead ? { expectHead } : {}),
      onProgress: ({ checked, total }) => report(checked, total),
    });
    if (!verdict.intact) {
      report(verdict.checked, verdict.checked, true);
      const { position, kind, detail } = verdict.break;
      process.stdout.write(`chain broken at position ${position} (${kind}): ${detail}\n`);
      return 1;
    }
    report(verdict.events, verdict.events, true);
    const pinned = expectHead ? `; pinned head ${expectHead.position}:${expectHead.hash} is in the chain` : '';
    process.stdout.write(
      `chain intact: ${verdict.events} events; head position ${verdict.head.position} hash ${verdict.head.hash}${pinned}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
